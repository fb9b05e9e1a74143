package dev.capi.domain.serviceinstances;

import dev.capi.model.ServiceInstance;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The reference's orphan mitigation: after a provision that may have left an instance at the broker (a timeout, a
 * bad answer, a poll deadline passed), one deprovision of it; whatever the broker answers is only logged.
 */
final class OrphanMitigation {
    private static final Logger LOG = Logger.getLogger(OrphanMitigation.class.getName());

    private final ServiceInstanceContext ctx;

    OrphanMitigation(ServiceInstanceContext ctx) {
        this.ctx = ctx;
    }

    void mitigate(ServiceInstance si, InstanceTarget t) {
        try {
            ctx.brokers().deprovision(t.plan().endpoint(), si.guid(), t.plan().offeringCatalogId(),
                    t.plan().catalogId(), Optional.empty());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "orphan mitigation of service instance " + si.guid() + " failed: "
                    + e.getMessage());
        }
    }
}
