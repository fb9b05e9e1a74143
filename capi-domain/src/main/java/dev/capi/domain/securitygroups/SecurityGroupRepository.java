package dev.capi.domain.securitygroups;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.SecurityGroup;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: security groups with the spaces they are bound to, and the time of the latest change to any of them. List
 * filters: guids, names, running_space_guids, staging_space_guids, globally_enabled_running,
 * globally_enabled_staging ("true"/"false"), and {@link #RUNNING_FOR_SPACE} / {@link #STAGING_FOR_SPACE}; visibility:
 * globally enabled groups plus those bound to a space the principal can read (space roles, org managers).
 */
public interface SecurityGroupRepository {
    /** Filter: the groups that apply to running apps of this space (bound to it, or globally enabled). */
    String RUNNING_FOR_SPACE = "running_for_space";
    /** Filter: the groups that apply to staging apps of this space. */
    String STAGING_FOR_SPACE = "staging_for_space";

    Optional<SecurityGroup> find(String guid);

    Page<SecurityGroup> list(ListQuery query);

    boolean nameTaken(String name, String exceptGuid);

    boolean isEmpty();

    /** Inserts the group (its space bindings are added with {@link #bind}). */
    void insert(SecurityGroup group);

    /** Updates name, rules, the globally enabled flags and {@code updated_at}. */
    void update(SecurityGroup group);

    /** Deletes the group and its bindings. */
    void delete(String guid);

    /** Binds the group to the space (nothing happens when it already is). */
    void bind(String groupGuid, Lifecycle lifecycle, String spaceGuid);

    void unbind(String groupGuid, Lifecycle lifecycle, String spaceGuid);

    /** Removes every binding of a space (it is being deleted). */
    void unbindSpace(String spaceGuid);

    /** When a group last changed; {@link Instant#EPOCH} when none ever did. */
    Instant latestUpdate();

    /** Moves the latest-change time forward to {@code at} (never backwards). */
    void renewLatestUpdate(Instant at);
}
