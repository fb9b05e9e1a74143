package dev.capi.domain.serviceinstances;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.ServiceInstance;
import dev.capi.model.ServiceUsageEvent;
import dev.capi.model.Space;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: service instances (metadata loaded with them) and their shares. List filters: {@link ServiceInstanceFilter};
 * a restricted visibility sees the instances of its spaces and the instances shared into them. Names are unique per
 * space ({@link NameTaken} when the store refuses a duplicate).
 */
public interface ServiceInstanceRepository {
    Optional<ServiceInstance> find(String guid);

    Page<ServiceInstance> list(ListQuery query);

    boolean nameTaken(String spaceGuid, String name);

    Optional<ServiceInstance> findByName(String spaceGuid, String name);

    /** Whether an instance of this name from another space is shared into the space. */
    boolean sharedNameTaken(String spaceGuid, String name);

    /** Deletes the instance's credential and route bindings (user-provided deletes and purges). */
    void deleteBindings(String instanceGuid);

    /** For each space the instance is shared with, how many of its apps are bound to the instance. */
    java.util.Map<String, Long> boundAppCountsInSharedSpaces(String instanceGuid);

    void insert(ServiceInstance instance);

    void update(ServiceInstance instance);

    void delete(String guid);

    /** The spaces an instance is shared with, by creation order of the share. */
    List<Space> sharedSpaces(String instanceGuid);

    void share(String instanceGuid, Collection<String> spaceGuids);

    void unshare(String instanceGuid, String spaceGuid);

    /** Managed instances whose next broker poll is due: locked for this transaction (others skip them). */
    List<ServiceInstance> claimDue(Instant now, int limit);

    /** The guids of the instances in a space. */
    List<String> inSpace(String spaceGuid);

    /** Removes every share into a space (the space is going away). */
    void unshareFromSpace(String spaceGuid);

    /** One CREATED usage event per existing instance (for the purge-and-reseed), without guid and time. */
    List<ServiceUsageEvent> snapshots();

    /** The store refused a second instance of the same name in one space. */
    final class NameTaken extends RuntimeException {
        public NameTaken(Throwable cause) {
            super("service instance name already taken in its space", cause);
        }
    }
}
