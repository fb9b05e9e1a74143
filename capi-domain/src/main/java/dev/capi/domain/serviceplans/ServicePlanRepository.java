package dev.capi.domain.serviceplans;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.ServicePlan;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: service plans with their offering's and broker's names and the broker's space (metadata loaded with them),
 * and the organizations a plan is visible in. List filters: {@link ServicePlanFilter}; visibility is the
 * marketplace's ({@link Marketplace}).
 */
public interface ServicePlanRepository {
    Optional<ServicePlan> find(String guid);

    Page<ServicePlan> list(ListQuery query);

    boolean visible(String guid, Visibility visibility);

    List<ServicePlan> forBroker(String brokerGuid);

    List<ServicePlan> forOffering(String offeringGuid);

    void insert(ServicePlan plan);

    /** The catalog fields, {@code public}, {@code active} and updated_at. */
    void update(ServicePlan plan);

    boolean hasInstances(String guid);

    /** Deletes the plan, its visibilities and its metadata. */
    void delete(String guid);

    /** The organizations the plan is visible in (by organization visibility rows), ordered by name. */
    List<VisibleOrganization> organizations(String planGuid);

    void addOrganizations(String planGuid, Collection<String> organizationGuids, Instant at);

    void removeOrganization(String planGuid, String organizationGuid);

    void clearOrganizations(String planGuid);

    /** Removes every visibility row of this organization (organization deletion). */
    void removeOrganizationEverywhere(String organizationGuid);

    /** An organization a plan is visible in. */
    record VisibleOrganization(String guid, String name) {
    }
}
