package dev.capi.domain.servicebindings;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.ServiceCredentialBinding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: service credential bindings (metadata loaded with them; {@code spaceGuid} is read through the app for app
 * bindings and through the instance for keys). List filters: {@link CredentialBindingFilter}; order: created_at,
 * updated_at, name; visibility through the binding's space and organization.
 */
public interface CredentialBindingRepository {
    Optional<ServiceCredentialBinding> find(String guid);

    Page<ServiceCredentialBinding> list(ListQuery query);

    /** App bindings of the app to the instance (at most one in this schema). */
    List<ServiceCredentialBinding> appBindings(String instanceGuid, String appGuid);

    Optional<ServiceCredentialBinding> key(String instanceGuid, String name);

    /** Whether the app has a binding named {@code name} to another instance than {@code instanceGuid}. */
    boolean appBindingNamed(String appGuid, String name, String instanceGuid);

    void insert(ServiceCredentialBinding binding, BindingRequest request);

    /** Stores credentials, syslog drain URL, volume mounts, last operation, broker operation and updated_at. */
    void update(ServiceCredentialBinding binding);

    void delete(String guid);

    Optional<BindingRequest> request(String guid);

    /** Who asked for the binding's deletion (the unbind job's originating identity and audit events). */
    void recordActor(String guid, String actorGuid, String actorName);

    /** Forgets the requested parameters (they were sent to the broker). */
    void clearParameters(String guid);

    void schedule(String guid, PollSchedule schedule);

    Optional<PollSchedule> schedule(String guid);

    /** Ends polling: no job, no next poll. */
    void unschedule(String guid);

    /** Locks (FOR UPDATE SKIP LOCKED) and returns up to {@code limit} bindings whose next poll is due. */
    List<String> claimDue(Instant now, int limit);

    /** Guids of the bindings of an instance, of an app, and in the spaces of an organization. */
    List<String> ofInstance(String instanceGuid);

    List<String> ofApp(String appGuid);

    List<String> inOrganization(String organizationGuid);

    List<String> inSpace(String spaceGuid);
}
