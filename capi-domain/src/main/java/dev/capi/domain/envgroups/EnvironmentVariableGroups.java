package dev.capi.domain.envgroups;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.support.Transactions;
import dev.capi.model.EnvironmentVariableGroup;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The running and staging environment variable groups: every signed-in user reads them, admins change them. */
public final class EnvironmentVariableGroups {
    public static final List<String> NAMES =
            List.of(EnvironmentVariableGroup.RUNNING, EnvironmentVariableGroup.STAGING);

    private final EnvironmentVariableGroupRepository repository;
    private final Transactions tx;
    private final Clock clock;

    public EnvironmentVariableGroups(EnvironmentVariableGroupRepository repository, Transactions tx, Clock clock) {
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
    }

    /** The group (empty until first changed); an unknown name is 404 "Environment variable group not found". */
    public EnvironmentVariableGroup get(String name) {
        requireKnown(name);
        return tx.inTransaction(() -> repository.find(name)
                .orElse(new EnvironmentVariableGroup(name, Map.of(), null)));
    }

    /** The group's variables (empty until first changed); {@code name} is {@code running} or {@code staging}. */
    public Map<String, String> variables(String name) {
        return get(name).variables();
    }

    /** Merges the changes (a null value deletes the variable); admins only. */
    public EnvironmentVariableGroup update(Permissions perms, String name, Map<String, Object> changes) {
        requireKnown(name);
        if (!perms.canWriteGlobally()) {
            throw CfException.notAuthorized();
        }
        return tx.inTransaction(() -> {
            Map<String, String> merged = new LinkedHashMap<>(get(name).variables());
            changes.forEach((k, v) -> {
                if (v == null) {
                    merged.remove(k);
                } else {
                    merged.put(k, v.toString());
                }
            });
            var group = new EnvironmentVariableGroup(name, merged, clock.instant().truncatedTo(ChronoUnit.MICROS));
            repository.save(group);
            return group;
        });
    }

    private static void requireKnown(String name) {
        if (!NAMES.contains(name)) {
            throw CfException.notFound("Environment variable group");
        }
    }
}
