package dev.capi.domain.serviceinstances;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.model.Metadata;
import dev.capi.model.ServiceInstance;
import dev.capi.model.ServiceUsageEvent;
import dev.capi.model.Space;

import java.time.Instant;

/**
 * User-provided service instances: created, updated and deleted synchronously (last operation "create|update
 * succeeded"), with their audit and usage events. Creating one needs developer (or admin) in the space, and the
 * {@code service_instance_creation} flag for non-admins.
 */
public final class UserProvidedInstances {
    static final String INVALID_SPACE = "Invalid space. Ensure that the space exists and you have access to it.";
    static final String SUCCEEDED = "Operation succeeded";

    private final ServiceInstanceContext ctx;
    private final ServiceInstanceAccess access;
    private final ServiceInstanceEvents events;

    public UserProvidedInstances(ServiceInstanceContext ctx, ServiceInstanceAccess access,
                                 ServiceInstanceEvents events) {
        this.ctx = ctx;
        this.access = access;
        this.events = events;
    }

    public ServiceInstance create(Permissions perms, ServiceInstanceCommands.CreateUserProvided cmd) {
        ctx.flags().requireUnlessAdmin("service_instance_creation", perms.principal());
        return ctx.tx().inTransaction(() -> {
            Space space = targetSpace(perms, cmd.spaceGuid());
            requireFreeName(space, cmd.name());
            Instant now = ctx.now();
            var instance = new ServiceInstance(ctx.guids().next(), now, now, cmd.name(), space.guid(),
                    ServiceInstance.USER_PROVIDED, null, cmd.tags(), null, null, cmd.credentials(),
                    cmd.syslogDrainUrl(), cmd.routeServiceUrl(),
                    new ServiceInstance.LastOperation("create", "succeeded", SUCCEEDED, now, now), null,
                    Metadata.empty());
            insert(instance);
            var stored = instance.withMetadata(ctx.metadata().apply(instance.guid(), "service_instances",
                    Metadata.empty(), cmd.metadata()));
            events.audit("create", AuditEvents.actor(perms.principal()), stored, space, cmd.request());
            events.usage(ServiceUsageEvent.CREATED, stored, space);
            return stored;
        });
    }

    /** Updates a user-provided instance in place (call inside a transaction with the located instance). */
    ServiceInstance update(Permissions perms, ServiceInstanceAccess.Located located,
                           ServiceInstanceCommands.Update cmd) {
        ServiceInstance si = located.instance();
        String name = cmd.name() != null ? cmd.name() : si.name();
        if (!name.equals(si.name())) {
            if (!ctx.instances().sharedSpaces(si.guid()).isEmpty()) {
                throw CfException.of(CfError.SharedServiceInstanceCannotBeRenamed);
            }
            requireFreeName(located.space(), name);
        }
        Instant now = ctx.now();
        var updated = new ServiceInstance(si.guid(), si.createdAt(), now, name, si.spaceGuid(), si.type(), null,
                cmd.tags() != null ? cmd.tags() : si.tags(), null, null,
                cmd.has("credentials") ? cmd.credentials() : si.credentials(),
                cmd.has("syslog_drain_url") ? cmd.syslogDrainUrl() : si.syslogDrainUrl(),
                cmd.has("route_service_url") ? cmd.routeServiceUrl() : si.routeServiceUrl(),
                new ServiceInstance.LastOperation("update", "succeeded", SUCCEEDED, now, now), null, si.metadata());
        try {
            ctx.instances().update(updated);
        } catch (ServiceInstanceRepository.NameTaken e) {
            throw nameTaken(name);
        }
        var stored = updated.withMetadata(ctx.metadata().apply(si.guid(), "service_instances", si.metadata(),
                cmd.metadata()));
        events.audit("update", AuditEvents.actor(perms.principal()), stored, located.space(), cmd.request());
        events.usage(ServiceUsageEvent.UPDATED, stored, located.space());
        return stored;
    }

    /** Deletes a user-provided instance with its bindings and shares (inside a transaction). */
    void delete(Permissions perms, ServiceInstanceAccess.Located located) {
        ServiceInstance si = located.instance();
        ctx.instances().delete(si.guid());
        events.audit("delete", AuditEvents.actor(perms.principal()), si, located.space(), java.util.Map.of());
        events.usage(ServiceUsageEvent.DELETED, si, located.space());
    }

    /** The space a new instance goes to: readable (else 422), writable by the principal (else 403). */
    Space targetSpace(Permissions perms, String spaceGuid) {
        Space space = ctx.spaces().find(spaceGuid)
                .filter(s -> perms.canReadSpace(s.guid(), s.organizationGuid()))
                .orElseThrow(() -> CfException.unprocessable(INVALID_SPACE));
        access.requireWritable(perms, space);
        return space;
    }

    void requireFreeName(Space space, String name) {
        if (ctx.instances().nameTaken(space.guid(), name)) {
            throw nameTaken(name);
        }
    }

    void insert(ServiceInstance instance) {
        try {
            ctx.instances().insert(instance);
        } catch (ServiceInstanceRepository.NameTaken e) {
            throw nameTaken(instance.name());
        }
    }

    static CfException nameTaken(String name) {
        return CfException.unprocessable("The service instance name is taken: " + name + ".");
    }
}
