package dev.capi.domain.envgroups;

import dev.capi.model.EnvironmentVariableGroup;

import java.util.Optional;

/** Port: the running and staging environment variable groups. */
public interface EnvironmentVariableGroupRepository {
    Optional<EnvironmentVariableGroup> find(String name);

    void save(EnvironmentVariableGroup group);
}
