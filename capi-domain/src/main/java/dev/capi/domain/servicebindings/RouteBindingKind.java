package dev.capi.domain.servicebindings;

import dev.capi.model.AuditEvent;
import dev.capi.model.BindingOperation;
import dev.capi.model.Domain;
import dev.capi.model.Route;
import dev.capi.model.ServiceRouteBinding;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Route bindings for the job flow and the poller. */
final class RouteBindingKind implements BindingKind {
    private final BindingContext c;
    private final BindingEvents events;

    RouteBindingKind(BindingContext c) {
        this.c = c;
        this.events = new BindingEvents(c.audit(), c.spaces());
    }

    @Override
    public boolean route() {
        return true;
    }

    @Override
    public Optional<Row> find(String guid) {
        return c.routeBindings().find(guid).map(b -> new Row(b.guid(), b.serviceInstanceGuid(), b.lastOperation(),
                b.brokerOperation(), null, Map.of("route", uri(b.routeGuid()))));
    }

    String uri(String routeGuid) {
        Route route = c.routes().find(routeGuid).orElse(null);
        if (route == null) {
            return "";
        }
        String domain = c.domains().find(route.domainGuid()).map(Domain::name).orElse("");
        return route.uri(domain);
    }

    @Override
    public void saveOperation(String guid, BindingOperation op, String brokerOperation) {
        c.routeBindings().find(guid).ifPresent(b -> c.routeBindings().update(b.withOperation(op, brokerOperation)));
    }

    @Override
    public void saveBound(String guid, BrokerOutcome.Bound bound, BindingOperation op) {
        c.routeBindings().find(guid).ifPresent(b -> c.routeBindings().update(
                b.withResult(bound.routeServiceUrl(), op)));
    }

    @Override
    public void remove(String guid, AuditEvent.Actor actor) {
        c.routeBindings().find(guid).ifPresent(b -> {
            events.route("delete", actor, b, BindingEvents.deleteRequest(null, b.routeGuid(),
                    b.serviceInstanceGuid()));
            c.metadataStore().delete(guid);
            c.routeBindings().delete(guid);
        });
    }

    @Override
    public void event(String action, String guid, AuditEvent.Actor actor) {
        c.routeBindings().find(guid).ifPresent(b -> events.route(action, actor, b, action.endsWith("delete")
                ? BindingEvents.deleteRequest(null, b.routeGuid(), b.serviceInstanceGuid()) : createRequest(b)));
    }

    static Map<String, Object> createRequest(ServiceRouteBinding b) {
        var relationships = new LinkedHashMap<String, Object>();
        relationships.put("service_instance", Map.of("data", Map.of("guid", b.serviceInstanceGuid())));
        relationships.put("route", Map.of("data", Map.of("guid", b.routeGuid())));
        return Map.of("relationships", relationships);
    }

    @Override
    public Optional<BindingRequest> request(String guid) {
        return c.routeBindings().request(guid);
    }

    @Override
    public void clearParameters(String guid) {
        c.routeBindings().clearParameters(guid);
    }

    @Override
    public void schedule(String guid, PollSchedule schedule) {
        c.routeBindings().schedule(guid, schedule);
    }

    @Override
    public Optional<PollSchedule> schedule(String guid) {
        return c.routeBindings().schedule(guid);
    }

    @Override
    public void unschedule(String guid) {
        c.routeBindings().unschedule(guid);
    }

    @Override
    public List<String> claimDue(Instant now, int limit) {
        return c.routeBindings().claimDue(now, limit);
    }

    @Override
    public List<String> createJobs() {
        return List.of(RouteBindings.CREATE_JOB);
    }

    @Override
    public List<String> deleteJobs() {
        return List.of(RouteBindings.DELETE_JOB);
    }
}
