package dev.capi.domain.serviceinstances;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.model.ServiceInstance;

/**
 * The vendor extension's instance backups and restore (the OSMAPI backup feature). They are answered with the
 * usual visibility (404) and write (403) rules; an instance can only be backed up when its offering supports the
 * OSMAPI backup feature, and the OSBAPI port this platform speaks has no backup operation, so every instance is
 * refused with 422 saying so (user-provided ones because they have no broker at all).
 */
public final class ServiceInstanceBackups {
    private final ServiceInstanceContext ctx;
    private final ServiceInstanceAccess access;

    public ServiceInstanceBackups(ServiceInstanceContext ctx, ServiceInstanceAccess access) {
        this.ctx = ctx;
        this.access = access;
    }

    /** GET .../backups (readers of the instance's space): the error to answer. */
    public CfException listRefusal(Permissions perms, String guid) {
        return refusal(ctx.tx().inTransaction(() -> access.visible(perms, guid).instance()));
    }

    /** POST .../backups and .../actions/restore (developers of the instance's space): the error to answer. */
    public CfException changeRefusal(Permissions perms, String guid) {
        return refusal(ctx.tx().inTransaction(() -> access.writable(perms, guid).instance()));
    }

    private CfException refusal(ServiceInstance si) {
        if (!si.managed()) {
            return CfException.unprocessable("Backups are only supported for managed service instances.");
        }
        String offering = ctx.tx().inTransaction(() -> ctx.plans().find(si.servicePlanGuid()))
                .map(OfferedPlans.OfferedPlan::offeringName).orElse("");
        return CfException.unprocessable("The service offering " + offering
                + " does not support the OSMAPI backup feature.");
    }
}
