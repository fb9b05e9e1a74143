package dev.capi.domain.serviceofferings;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.serviceplans.CatalogWriters;
import dev.capi.domain.serviceplans.Marketplace;
import dev.capi.domain.support.Transactions;
import dev.capi.model.AuditEvent;
import dev.capi.model.MetadataUpdate;
import dev.capi.model.ServiceOffering;

import java.util.Map;

/**
 * The service offering use cases: list and get as the marketplace shows them ({@link Marketplace}; {@code perms}
 * is null for an unauthenticated caller), metadata update, and delete (refused while plans exist unless purged).
 */
public final class ServiceOfferings {
    private final ServiceOfferingRepository repository;
    private final Marketplace marketplace;
    private final CatalogWriters writers;
    private final Transactions tx;
    private final AuditEvents audit;
    private final MetadataChanges metadata;

    public ServiceOfferings(ServiceOfferingRepository repository, Marketplace marketplace, CatalogWriters writers,
                            Transactions tx, AuditEvents audit, MetadataChanges metadata) {
        this.repository = repository;
        this.marketplace = marketplace;
        this.writers = writers;
        this.tx = tx;
        this.audit = audit;
        this.metadata = metadata;
    }

    public Page<ServiceOffering> list(Permissions perms, ListQuery query) {
        Visibility visibility = marketplace.visibility(perms);
        return tx.inTransaction(() -> repository.list(query.withVisibility(visibility)));
    }

    public ServiceOffering get(Permissions perms, String guid) {
        Visibility visibility = marketplace.visibility(perms);
        return tx.inTransaction(() -> visible(guid, visibility));
    }

    public ServiceOffering update(Permissions perms, String guid, MetadataUpdate update) {
        return tx.inTransaction(() -> {
            ServiceOffering offering = writable(perms, guid);
            var result = offering.withMetadata(metadata.apply(guid, "service_offering", offering.metadata(), update));
            audit.record("audit.service.update", perms.principal(), target(offering), null, null,
                    Map.of("request", Map.of("metadata", "[PRIVATE DATA HIDDEN]")));
            return result;
        });
    }

    public void delete(Permissions perms, String guid, boolean purge) {
        tx.run(() -> {
            ServiceOffering offering = writable(perms, guid);
            if (purge) {
                repository.purge(guid);
                audit.record("audit.service.purge", perms.principal(), target(offering), null, null, Map.of());
                return;
            }
            if (repository.hasPlans(guid)) {
                throw CfException.unprocessable("Please delete the service_plans associations for your services.");
            }
            repository.delete(guid);
            audit.record("audit.service.delete", perms.principal(), target(offering), null, null, Map.of());
        });
    }

    private ServiceOffering writable(Permissions perms, String guid) {
        ServiceOffering offering = repository.find(guid).orElseThrow(ServiceOfferings::notFound);
        if (!writers.canWrite(perms, offering.brokerSpaceGuid())) {
            boolean visible = perms.canReadGlobally() || repository.visible(guid, marketplace.visibility(perms));
            throw visible ? CfException.notAuthorized() : notFound();
        }
        return offering;
    }

    private ServiceOffering visible(String guid, Visibility visibility) {
        return repository.find(guid)
                .filter(o -> visibility.all() || repository.visible(guid, visibility))
                .orElseThrow(ServiceOfferings::notFound);
    }

    private static CfException notFound() {
        return CfException.notFound("Service offering");
    }

    private static AuditEvent.Target target(ServiceOffering o) {
        return new AuditEvent.Target(o.guid(), "service", o.name());
    }
}
