package dev.capi.domain.servicebindings;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.ServiceRouteBinding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: service route bindings (metadata loaded with them; {@code spaceGuid} is the route's). List filters:
 * {@link RouteBindingFilter}; order: created_at, updated_at; visibility through the route's space.
 */
public interface RouteBindingRepository {
    Optional<ServiceRouteBinding> find(String guid);

    Page<ServiceRouteBinding> list(ListQuery query);

    Optional<ServiceRouteBinding> binding(String instanceGuid, String routeGuid);

    /** The instance a route is bound to (a route is bound to at most one instance). */
    Optional<String> instanceOfRoute(String routeGuid);

    void insert(ServiceRouteBinding binding, BindingRequest request);

    /** Stores the route service URL, last operation, broker operation and updated_at. */
    void update(ServiceRouteBinding binding);

    void delete(String guid);

    Optional<BindingRequest> request(String guid);

    /** Who asked for the binding's deletion (the unbind job's originating identity and audit events). */
    void recordActor(String guid, String actorGuid, String actorName);

    void clearParameters(String guid);

    void schedule(String guid, PollSchedule schedule);

    Optional<PollSchedule> schedule(String guid);

    void unschedule(String guid);

    List<String> claimDue(Instant now, int limit);

    List<String> ofInstance(String instanceGuid);

    List<String> ofRoute(String routeGuid);

    List<String> inOrganization(String organizationGuid);

    List<String> inSpace(String spaceGuid);
}
