package dev.capi.domain.serviceplans;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.support.Transactions;
import dev.capi.model.AuditEvent;
import dev.capi.model.MetadataUpdate;
import dev.capi.model.Organization;
import dev.capi.model.ServicePlan;
import dev.capi.model.Space;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.spaces.SpaceRepository;

import java.util.List;
import java.util.Map;

/**
 * The service plan use cases: list and get as the marketplace shows them ({@link Marketplace}; {@code perms} is null
 * for an unauthenticated caller), metadata update, and delete (refused while instances use the plan).
 */
public final class ServicePlans {
    private final ServicePlanRepository repository;
    private final Marketplace marketplace;
    private final CatalogWriters writers;
    private final Transactions tx;
    private final AuditEvents audit;
    private final MetadataChanges metadata;
    private final SpaceRepository spaces;
    private final OrganizationRepository organizations;

    public ServicePlans(ServicePlanRepository repository, Marketplace marketplace, CatalogWriters writers,
                        Transactions tx, AuditEvents audit, MetadataChanges metadata, SpaceRepository spaces,
                        OrganizationRepository organizations) {
        this.spaces = spaces;
        this.organizations = organizations;
        this.repository = repository;
        this.marketplace = marketplace;
        this.writers = writers;
        this.tx = tx;
        this.audit = audit;
        this.metadata = metadata;
    }

    public Page<ServicePlan> list(Permissions perms, ListQuery query) {
        Visibility visibility = marketplace.visibility(perms);
        return tx.inTransaction(() -> repository.list(query.withVisibility(visibility)));
    }

    public ServicePlan get(Permissions perms, String guid) {
        Visibility visibility = marketplace.visibility(perms);
        return tx.inTransaction(() -> visible(guid, visibility));
    }

    public ServicePlan update(Permissions perms, String guid, MetadataUpdate update) {
        return tx.inTransaction(() -> {
            ServicePlan plan = writable(perms, guid);
            var result = plan.withMetadata(metadata.apply(guid, "service_plan", plan.metadata(), update));
            audit.record("audit.service_plan.update", perms.principal(), target(plan), null, null,
                    Map.of("request", Map.of("metadata", "[PRIVATE DATA HIDDEN]")));
            return result;
        });
    }

    public void delete(Permissions perms, String guid) {
        tx.run(() -> {
            ServicePlan plan = writable(perms, guid);
            if (repository.hasInstances(guid)) {
                throw CfException.unprocessable(
                        "Please delete the service_instances associations for your service_plans.");
            }
            repository.delete(guid);
            audit.record("audit.service_plan.delete", perms.principal(), target(plan), null, null, Map.of());
        });
    }

    /** The spaces of the plans' space-scoped brokers and their organizations ({@code include=space.organization}). */
    public Included spacesOf(List<ServicePlan> plans) {
        return tx.inTransaction(() -> {
            List<Space> found = spaces.findAll(plans.stream().map(ServicePlan::brokerSpaceGuid)
                    .filter(java.util.Objects::nonNull).distinct().toList());
            return new Included(found, organizations.findAll(found.stream().map(Space::organizationGuid).distinct()
                    .toList()));
        });
    }

    /** Spaces and organizations included with plans. */
    public record Included(List<Space> spaces, List<Organization> organizations) {
    }

    /** The plan if the caller may see it (404 otherwise); for the visibility use cases too. */
    ServicePlan visible(String guid, Visibility visibility) {
        return repository.find(guid)
                .filter(p -> visibility.all() || repository.visible(guid, visibility))
                .orElseThrow(ServicePlans::notFound);
    }

    private ServicePlan writable(Permissions perms, String guid) {
        ServicePlan plan = repository.find(guid).orElseThrow(ServicePlans::notFound);
        if (!writers.canWrite(perms, plan.brokerSpaceGuid())) {
            boolean visible = perms.canReadGlobally() || repository.visible(guid, marketplace.visibility(perms));
            throw visible ? CfException.notAuthorized() : notFound();
        }
        return plan;
    }

    static CfException notFound() {
        return CfException.notFound("Service plan");
    }

    static AuditEvent.Target target(ServicePlan p) {
        return new AuditEvent.Target(p.guid(), "service_plan", p.name());
    }
}
