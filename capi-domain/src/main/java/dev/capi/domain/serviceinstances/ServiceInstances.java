package dev.capi.domain.serviceinstances;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.domain.osbapi.BrokerUnreachable;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Job;
import dev.capi.model.ServiceInstance;
import dev.capi.model.ServiceUsageEvent;
import dev.capi.model.Space;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service instance use cases every type shares: list, get, update and delete (dispatched to the managed or
 * user-provided rules), purge, credentials, parameters, the principal's permissions, shared spaces and their usage
 * summary.
 */
public final class ServiceInstances {
    private final ServiceInstanceContext ctx;
    private final ServiceInstanceAccess access;
    private final UserProvidedInstances userProvided;
    private final ManagedInstances managed;
    private final ServiceInstanceEvents events;

    public ServiceInstances(ServiceInstanceContext ctx, ServiceInstanceAccess access,
                            UserProvidedInstances userProvided, ManagedInstances managed,
                            ServiceInstanceEvents events) {
        this.ctx = ctx;
        this.access = access;
        this.userProvided = userProvided;
        this.managed = managed;
        this.events = events;
    }

    public Page<ServiceInstance> list(Permissions perms, ListQuery query) {
        return ctx.tx().inTransaction(() -> ctx.instances().list(query.withVisibility(perms.spaceVisibility())));
    }

    public ServiceInstance get(Permissions perms, String guid) {
        return ctx.tx().inTransaction(() -> access.visible(perms, guid).instance());
    }

    /** The spaces of instances (for {@code fields[space]}), by guid; one read. */
    public Map<String, Space> spacesOf(List<ServiceInstance> instances) {
        return ctx.tx().inTransaction(() -> {
            Map<String, Space> out = new LinkedHashMap<>();
            var guids = instances.stream().map(ServiceInstance::spaceGuid).distinct().toList();
            ctx.spaces().findAll(guids).forEach(s -> out.put(s.guid(), s));
            return out;
        });
    }

    /** The plans (with offering and broker) of instances, by plan guid (a null guid maps to null); one batched read. */
    public Map<String, OfferedPlans.OfferedPlan> plansOf(List<ServiceInstance> instances) {
        var guids = instances.stream().map(ServiceInstance::servicePlanGuid).filter(java.util.Objects::nonNull)
                .distinct().toList();
        // A map that answers null for a user-provided instance's null plan guid (Map.of() would throw).
        return guids.isEmpty() ? new LinkedHashMap<>()
                : new LinkedHashMap<>(ctx.tx().inTransaction(() -> ctx.plans().findForPresenting(guids)));
    }

    /** The organizations' names of spaces, by organization guid; one read. */
    public Map<String, String> organizationNames(java.util.Collection<Space> spaces) {
        return ctx.tx().inTransaction(() -> {
            Map<String, String> out = new LinkedHashMap<>();
            var guids = spaces.stream().map(Space::organizationGuid).distinct().toList();
            ctx.organizations().findAll(guids).forEach(o -> out.put(o.guid(), o.name()));
            return out;
        });
    }

    /**
     * Instances by guid, oldest first (for {@code include=service_instance} of bindings, whose visibility the caller
     * has checked); one list read.
     */
    public List<ServiceInstance> byGuids(java.util.Collection<String> guids) {
        if (guids.isEmpty()) {
            return List.of();
        }
        return ctx.tx().inTransaction(() -> ctx.instances().list(ListQuery.all().withFilter(
                        ServiceInstanceFilter.GUIDS.key(), List.copyOf(new java.util.LinkedHashSet<>(guids))))
                .resources().stream().sorted(java.util.Comparator.comparing(ServiceInstance::createdAt)
                        .thenComparing(ServiceInstance::guid)).toList());
    }

    /** Updates an instance: synchronously (the instance) or through a job (the job). */
    public ManagedInstances.Updated update(Permissions perms, String guid, ServiceInstanceCommands.Update cmd) {
        return ctx.tx().inTransaction(() -> {
            var located = access.writable(perms, guid);
            if (located.instance().managed()) {
                return managed.update(perms, located, cmd);
            }
            var unknown = cmd.given().stream()
                    .filter(k -> k.equals("parameters") || k.equals("relationships") || k.equals("maintenance_info"))
                    .sorted().toList();
            if (!unknown.isEmpty()) {
                throw CfException.unprocessable("Unknown field(s): '" + String.join("', '", unknown) + "'");
            }
            return new ManagedInstances.Updated(userProvided.update(perms, located, cmd), null);
        });
    }

    /** Deletes an instance: a job for a managed one; at once (empty) for a user-provided one. */
    public Optional<Job> delete(Permissions perms, String guid) {
        return ctx.tx().inTransaction(() -> {
            var located = access.writable(perms, guid);
            if (located.instance().managed()) {
                return Optional.of(managed.delete(perms, located));
            }
            ctx.instances().deleteBindings(guid);
            userProvided.delete(perms, located);
            return Optional.<Job>empty();
        });
    }

    /**
     * Removes an instance, its bindings and shares without asking the broker (admins; space developers for
     * user-provided ones); records {@code audit.service_instance.purge} and a DELETED usage event.
     */
    public void purge(Permissions perms, String guid) {
        ctx.tx().run(() -> {
            var located = access.writable(perms, guid);
            ServiceInstance si = located.instance();
            if (si.managed() && !perms.canWriteGlobally()) {
                throw CfException.notAuthorized();
            }
            ctx.instances().deleteBindings(guid);
            ctx.instances().delete(guid);
            events.audit("purge", AuditEvents.actor(perms.principal()), si, located.space(), Map.of());
            events.usage(ServiceUsageEvent.DELETED, si, located.space());
        });
    }

    /** A user-provided instance's credentials (developers of its space; secret readers); audited as a show. */
    public Map<String, Object> credentials(Permissions perms, String guid) {
        return ctx.tx().inTransaction(() -> {
            var located = access.visible(perms, guid);
            if (located.instance().managed()) {
                throw ServiceInstanceAccess.notFound();
            }
            Space space = located.space();
            if (!perms.canReadSecretsInSpace(space.guid())) {
                throw CfException.notAuthorized();
            }
            events.audit("show", AuditEvents.actor(perms.principal()), located.instance(), space, Map.of());
            return located.instance().credentials();
        });
    }

    /** The parameters the broker holds for a managed instance (offerings with instances_retrievable). */
    public Map<String, Object> parameters(Permissions perms, String guid) {
        var located = ctx.tx().inTransaction(() -> access.visible(perms, guid));
        ServiceInstance si = located.instance();
        Space space = located.space();
        if (!perms.canReadSpace(space.guid(), space.organizationGuid())) {
            throw CfException.notAuthorized();
        }
        if (si.managed() && si.lastOperation() != null && si.lastOperation().is("create", "failed")) {
            throw ServiceInstanceAccess.notFound();
        }
        var plan = si.managed() ? ctx.tx().inTransaction(() -> ctx.plans().find(si.servicePlanGuid())) : Optional
                .<OfferedPlans.OfferedPlan>empty();
        if (plan.isEmpty() || !plan.get().instancesRetrievable()) {
            throw CfException.of(CfError.ServiceFetchInstanceParametersNotSupported);
        }
        if (si.lastOperation() != null && si.lastOperation().inProgress()) {
            throw CfException.of(CfError.AsyncServiceInstanceOperationInProgress, si.name());
        }
        BrokerReply reply;
        try {
            reply = ctx.brokers().fetchInstance(plan.get().endpoint(), si.guid(),
                    Optional.ofNullable(perms.principal().userGuid()));
        } catch (BrokerUnreachable e) {
            throw CfException.of(CfError.ServiceBrokerBadResponse, BrokerReplies.unreachable(e, plan.get().endpoint(),
                    false).description());
        }
        if (!reply.is(200) || reply.malformed()) {
            throw CfException.of(CfError.ServiceBrokerBadResponse, BrokerReplies.badResponse(reply));
        }
        Object parameters = reply.body().get("parameters");
        if (parameters != null && !(parameters instanceof Map)) {
            throw CfException.of(CfError.ServiceBrokerBadResponse, "The service broker returned an invalid response: The "
                    + "service broker response contained a parameters field that was not a JSON object.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = parameters == null ? Map.of() : (Map<String, Object>) parameters;
        return map;
    }

    /** {@code manage} and {@code read} for the principal; 404 only when the instance does not exist. */
    public Map<String, Boolean> permissions(Permissions perms, String guid) {
        return ctx.tx().inTransaction(() -> {
            ServiceInstance si = ctx.instances().find(guid).orElseThrow(ServiceInstanceAccess::notFound);
            Space space = ctx.spaces().find(si.spaceGuid()).orElseThrow(ServiceInstanceAccess::notFound);
            Map<String, Boolean> out = new LinkedHashMap<>();
            out.put("manage", access.canWriteActive(perms, space));
            out.put("read", access.canRead(perms, si, space));
            return out;
        });
    }

    /** The spaces the instance is shared with. */
    public List<Space> sharedSpaces(Permissions perms, String guid) {
        return ctx.tx().inTransaction(() -> {
            access.visible(perms, guid);
            return ctx.instances().sharedSpaces(guid);
        });
    }

    /** For each shared space, how many of its apps are bound to the instance. */
    public Map<String, Long> usageSummary(Permissions perms, String guid) {
        return ctx.tx().inTransaction(() -> {
            access.visible(perms, guid);
            Map<String, Long> counts = ctx.instances().boundAppCountsInSharedSpaces(guid);
            Map<String, Long> out = new LinkedHashMap<>();
            for (Space s : ctx.instances().sharedSpaces(guid)) {
                out.put(s.guid(), counts.getOrDefault(s.guid(), 0L));
            }
            return out;
        });
    }
}
