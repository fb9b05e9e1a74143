package dev.capi.domain.servicebindings;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.BindingOperation;
import dev.capi.model.Domain;
import dev.capi.model.Job;
import dev.capi.model.Metadata;
import dev.capi.model.MetadataUpdate;
import dev.capi.model.Route;
import dev.capi.model.ServiceRouteBinding;

import java.util.Map;
import java.util.Optional;

/**
 * Service route bindings: list and get (through the route's space), create (at once with the instance's route service
 * URL for user-provided instances; through the broker in a {@code service_route_bindings.create} job for managed
 * ones), metadata update, delete (at once, or {@code service_route_bindings.delete}) and parameters.
 */
public final class RouteBindings {
    public static final String CREATE_JOB = "service_route_bindings.create";
    public static final String DELETE_JOB = "service_route_bindings.delete";
    public static final String RESOURCE_TYPE = "service_route_binding";

    private final BindingContext c;
    private final BindingAccess access;
    private final BindingEvents events;
    private final boolean routeServicesEnabled;

    public RouteBindings(BindingContext c, boolean routeServicesEnabled) {
        this.c = c;
        this.access = new BindingAccess(c);
        this.events = new BindingEvents(c.audit(), c.spaces());
        this.routeServicesEnabled = routeServicesEnabled;
    }

    /** The created binding (user-provided: 201) or the job creating it (managed: 202). */
    public record Created(ServiceRouteBinding binding, Job job) {
    }

    public Page<ServiceRouteBinding> list(Permissions perms, ListQuery query) {
        return c.tx().inTransaction(() -> c.routeBindings().list(query.withVisibility(perms.spaceVisibility())));
    }

    public ServiceRouteBinding get(Permissions perms, String guid) {
        return c.tx().inTransaction(() -> visible(perms, guid));
    }

    private ServiceRouteBinding visible(Permissions perms, String guid) {
        return c.routeBindings().find(guid).filter(b -> access.canRead(perms, b.spaceGuid()))
                .orElseThrow(() -> CfException.notFound("Service route binding"));
    }

    public Created create(Permissions perms, BindingCommands.CreateRoute cmd) {
        if (!routeServicesEnabled) {
            throw CfException.unprocessable("Support for route services is disabled");
        }
        return c.tx().inTransaction(() -> {
            BindableInstance instance = c.instances().find(cmd.serviceInstanceGuid())
                    .filter(i -> access.canRead(perms, i.spaceGuid()))
                    .orElseThrow(() -> CfException.unprocessable("The service instance could not be found: "
                            + cmd.serviceInstanceGuid()));
            access.requireAppManager(perms, instance.spaceGuid());
            Route route = c.routes().find(cmd.routeGuid()).filter(r -> access.canRead(perms, r.spaceGuid()))
                    .orElseThrow(() -> CfException.unprocessable("The route could not be found: " + cmd.routeGuid()));
            if (instance.userProvided() && cmd.parameters() != null) {
                throw CfException.unprocessable(
                        "Binding parameters are not supported for user-provided service instances");
            }
            validate(instance, route);
            var existing = c.routeBindings().binding(instance.guid(), route.guid());
            if (existing.isPresent()) {
                BindingOperation op = existing.get().lastOperation();
                if (BindingOperation.CREATE.equals(op.type()) && !BindingOperation.FAILED.equals(op.state())) {
                    throw CfException.of(CfError.ServiceInstanceAlreadyBoundToSameRoute);
                }
                if (BindingOperation.DELETE.equals(op.type())) {
                    throw CfException.unprocessable("The binding is getting deleted or its deletion failed");
                }
                c.metadataStore().delete(existing.get().guid());
                c.routeBindings().delete(existing.get().guid());
            }
            var now = c.now();
            var binding = new ServiceRouteBinding(c.guids().next(), now, now, instance.guid(), route.guid(),
                    route.spaceGuid(), !instance.userProvided(), null,
                    new BindingOperation(BindingOperation.CREATE, BindingOperation.INITIAL, null, now, now), null,
                    Metadata.empty());
            c.routeBindings().insert(binding, new BindingRequest(cmd.parameters(), perms.principal().userGuid(),
                    perms.principal().userName()));
            binding = binding.withMetadata(c.metadata().apply(binding.guid(), "service_route_binding",
                    Metadata.empty(), cmd.metadata()));
            if (!instance.userProvided()) {
                return new Created(binding, c.jobs().enqueue(CREATE_JOB, RESOURCE_TYPE, binding.guid()));
            }
            var bound = binding.withResult(instance.routeServiceUrl(), binding.lastOperation().next(
                    BindingOperation.CREATE, BindingOperation.SUCCEEDED, null, c.now()));
            c.routeBindings().update(bound);
            events.route("create", AuditEvents.actor(perms.principal()), bound, cmd.auditRequest());
            return new Created(bound, null);
        }, () -> CfException.of(CfError.ServiceInstanceAlreadyBoundToSameRoute));
    }

    private void validate(BindableInstance instance, Route route) {
        if (!instance.routeService()) {
            throw CfException.unprocessable("This service instance does not support route binding");
        }
        if (!instance.bindable()) {
            throw CfException.unprocessable("This service instance does not support binding");
        }
        boolean internal = c.domains().find(route.domainGuid()).map(Domain::internal).orElse(false);
        if (internal) {
            throw CfException.unprocessable("Route services cannot be bound to internal routes");
        }
        if (!route.spaceGuid().equals(instance.spaceGuid())) {
            throw CfException.unprocessable("The service instance and the route are in different spaces");
        }
        Optional<String> boundTo = c.routeBindings().instanceOfRoute(route.guid());
        if (boundTo.isPresent() && !boundTo.get().equals(instance.guid())) {
            throw CfException.unprocessable("A route may only be bound to a single service instance");
        }
        if (!instance.userProvided()) {
            if (instance.createFailed()) {
                throw CfException.unprocessable("Service instance not found");
            }
            if (instance.operationInProgress()) {
                throw CfException.unprocessable("There is an operation in progress for the service instance");
            }
        }
    }

    public ServiceRouteBinding update(Permissions perms, String guid, MetadataUpdate metadata,
                                      Map<String, Object> auditRequest) {
        return c.tx().inTransaction(() -> {
            ServiceRouteBinding b = visible(perms, guid);
            access.requireWriter(perms, b.spaceGuid());
            if (BindingOperation.DELETE.equals(b.lastOperation().type()) && b.lastOperation().inProgress()) {
                throw CfException.unprocessable("The service route binding is being deleted");
            }
            var updated = b.withMetadata(c.metadata().apply(b.guid(), "service_route_binding", b.metadata(),
                    metadata));
            events.route("update", AuditEvents.actor(perms.principal()), updated, auditRequest);
            return updated;
        });
    }

    /** Deleted now (user-provided: empty) or the job deleting it through the broker (managed). */
    public Optional<Job> delete(Permissions perms, String guid) {
        return c.tx().inTransaction(() -> {
            ServiceRouteBinding b = visible(perms, guid);
            access.requireAppManager(perms, b.spaceGuid());
            BindingOperation op = b.lastOperation();
            if (op.is(BindingOperation.CREATE, BindingOperation.INITIAL)
                    || op.is(BindingOperation.DELETE, BindingOperation.IN_PROGRESS)) {
                throw CfException.unprocessable("There is an operation in progress for the service binding.");
            }
            BindableInstance instance = c.instances().find(b.serviceInstanceGuid()).orElse(null);
            if (instance != null && instance.operationInProgress()) {
                throw CfException.unprocessable("There is an operation in progress for the service instance.");
            }
            if (instance != null && !instance.userProvided()) {
                c.routeBindings().recordActor(b.guid(), perms.principal().userGuid(), perms.principal().userName());
                return Optional.of(c.jobs().enqueue(DELETE_JOB, RESOURCE_TYPE, b.guid()));
            }
            events.route("delete", AuditEvents.actor(perms.principal()), b,
                    BindingEvents.deleteRequest(null, b.routeGuid(), b.serviceInstanceGuid()));
            c.metadataStore().delete(b.guid());
            c.routeBindings().delete(b.guid());
            return Optional.empty();
        });
    }

    /** {@code GET /v3/service_route_bindings/:guid/parameters}: as the broker holds them. */
    public Map<String, Object> parameters(Permissions perms, String guid) {
        record Target(ServiceRouteBinding binding, BindableInstance instance) {
        }
        Target t = c.tx().inTransaction(() -> {
            ServiceRouteBinding b = visible(perms, guid);
            BindingOperation op = b.lastOperation();
            if (!op.is(BindingOperation.CREATE, BindingOperation.SUCCEEDED)) {
                throw CfException.of(CfError.ResourceNotFound, (BindingOperation.CREATE.equals(op.type())
                        ? "Creation" : "Deletion") + " of route binding " + op.state());
            }
            access.requireWriter(perms, b.spaceGuid());
            return new Target(b, c.instances().find(b.serviceInstanceGuid())
                    .orElseThrow(() -> CfException.notFound("Service route binding")));
        });
        if (t.instance().userProvided()) {
            throw CfException.of(CfError.BadRequest,
                    "user provided service instances do not support fetching route bindings parameters.");
        }
        if (!t.instance().plan().bindingsRetrievable()) {
            throw CfException.of(CfError.BadRequest, "this service does not support fetching route bindings parameters.");
        }
        return CredentialBindings.fetchParameters(t.instance(), t.binding().guid(), perms, c);
    }
}
