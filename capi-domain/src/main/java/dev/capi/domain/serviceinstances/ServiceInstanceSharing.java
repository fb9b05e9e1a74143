package dev.capi.domain.serviceinstances;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.model.AuditEvent;
import dev.capi.model.ServiceInstance;
import dev.capi.model.Space;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sharing a managed instance into other spaces (feature flag {@code service_instance_sharing}), with the
 * reference's checks and texts, and unsharing it; records {@code audit.service_instance.share} / {@code .unshare}.
 */
public final class ServiceInstanceSharing {
    public static final String FLAG = "service_instance_sharing";

    private final ServiceInstanceContext ctx;
    private final ServiceInstanceAccess access;

    public ServiceInstanceSharing(ServiceInstanceContext ctx, ServiceInstanceAccess access) {
        this.ctx = ctx;
        this.access = access;
    }

    /** Shares the instance with the spaces; returns every space it is shared with now. */
    public List<Space> share(Permissions perms, String guid, List<String> spaceGuids) {
        ctx.flags().require(FLAG);
        return ctx.tx().inTransaction(() -> {
            var located = access.writable(perms, guid);
            ServiceInstance si = located.instance();
            List<String> requested = new ArrayList<>(new LinkedHashSet<>(spaceGuids));
            List<Space> found = new ArrayList<>();
            List<String> unreadable = new ArrayList<>();
            List<String> unwritable = new ArrayList<>();
            for (String g : requested) {
                var space = ctx.spaces().find(g);
                if (space.isEmpty() || !perms.canReadSpace(g, space.get().organizationGuid())) {
                    unreadable.add(g);
                } else if (!access.canWriteActive(perms, space.get())) {
                    unwritable.add(g);
                } else {
                    found.add(space.get());
                }
            }
            List<String> problems = new ArrayList<>();
            if (!unreadable.isEmpty()) {
                problems.add("Unable to share service instance " + si.name() + " with spaces [" + quoted(unreadable)
                        + "]. Ensure the spaces exist and that you have access to them.");
            }
            if (!unwritable.isEmpty()) {
                problems.add("Unable to share service instance " + si.name() + " with spaces [" + quoted(unwritable)
                        + "]. Write permission is required in order to share a service instance with a space.");
            }
            if (!problems.isEmpty()) {
                throw CfException.unprocessable(String.join("\n", problems));
            }
            validate(si, located.space(), found);
            ctx.instances().share(si.guid(), found.stream().map(Space::guid).toList());
            ctx.audit().record("audit.service_instance.share", AuditEvents.actor(perms.principal()),
                    new AuditEvent.Target(si.guid(), "service_instance", si.name()), located.space().guid(),
                    located.space().organizationGuid(),
                    Map.of("target_space_guids", found.stream().map(Space::guid).toList()));
            return ctx.instances().sharedSpaces(si.guid());
        });
    }

    public void unshare(Permissions perms, String guid, String spaceGuid) {
        ctx.tx().run(() -> {
            var located = access.writable(perms, guid);
            ServiceInstance si = located.instance();
            Space target = ctx.spaces().find(spaceGuid).orElseThrow(() -> CfException.unprocessable(
                    "Unable to unshare service instance from space " + spaceGuid + ". Ensure the space exists."));
            ctx.instances().unshare(si.guid(), target.guid());
            ctx.audit().record("audit.service_instance.unshare", AuditEvents.actor(perms.principal()),
                    new AuditEvent.Target(si.guid(), "service_instance", si.name()), located.space().guid(),
                    located.space().organizationGuid(), Map.of("target_space_guid", target.guid()));
        });
    }

    private void validate(ServiceInstance si, Space own, List<Space> targets) {
        if (!si.managed()) {
            throw CfException.unprocessable("User-provided services cannot be shared.");
        }
        OfferedPlans.OfferedPlan plan = ctx.plans().find(si.servicePlanGuid())
                .orElseThrow(() -> CfException.unprocessable("The service instance's plan could not be found."));
        if (!plan.shareable()) {
            throw CfException.unprocessable("The " + plan.offeringName()
                    + " service does not support service instance sharing.");
        }
        if (targets.stream().anyMatch(s -> s.guid().equals(own.guid()))) {
            throw CfException.unprocessable("Unable to share service instance '" + si.name() + "' with space '"
                    + own.guid() + "'. Service instances cannot be shared into the space where they were created.");
        }
        if (!plan.active()) {
            throw CfException.unprocessable("The service instance could not be shared as the " + plan.name()
                    + " plan is inactive.");
        }
        List<String> alreadyShared = ctx.instances().sharedSpaces(si.guid()).stream().map(Space::guid).toList();
        for (Space space : targets) {
            if (!plan.availableIn(space.guid(), space.organizationGuid())) {
                String orgName = ctx.organizations().find(space.organizationGuid()).map(o -> o.name()).orElse("");
                throw CfException.unprocessable("Access to service " + plan.offeringName() + " and plan "
                        + plan.name() + " is not enabled in " + orgName + "/" + space.name() + ".");
            }
            if (ctx.instances().nameTaken(space.guid(), si.name())) {
                throw CfException.unprocessable("A service instance called " + si.name() + " already exists in "
                        + space.name() + ".");
            }
            if (!alreadyShared.contains(space.guid()) && ctx.instances().sharedNameTaken(space.guid(), si.name())) {
                throw CfException.unprocessable("A service instance called " + si.name()
                        + " has already been shared with " + space.name() + ".");
            }
        }
        var op = si.lastOperation();
        if (op != null && op.is("create", "failed")) {
            throw CfException.of(CfError.ServiceInstanceNotFound, si.name());
        }
        if (op != null && "create".equals(op.type()) && op.inProgress()) {
            throw CfException.unprocessable("Service instance is currently being created. It can be shared after "
                    + "its creation succeeded.");
        }
        if (op != null && "delete".equals(op.type()) && op.inProgress()) {
            throw CfException.unprocessable("The service instance is getting deleted.");
        }
    }

    private static String quoted(List<String> guids) {
        return guids.stream().map(g -> "'" + g + "'").collect(Collectors.joining(", "));
    }
}
