package dev.capi.domain.servicebrokers;

import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.domain.serviceplans.ServicePlanRepository;

/**
 * What a space's or organization's deletion removes of the catalog: the space's space-scoped brokers (with their
 * offerings and plans) and the organization's plan visibilities.
 */
public final class ServiceBrokerCleanup implements OrganizationCleanup {
    private final ServiceBrokerRepository brokers;
    private final ServicePlanRepository plans;

    public ServiceBrokerCleanup(ServiceBrokerRepository brokers, ServicePlanRepository plans) {
        this.brokers = brokers;
        this.plans = plans;
    }

    @Override
    public void deleteSpaceContents(String spaceGuid) {
        brokers.deleteInSpace(spaceGuid);
    }

    @Override
    public void deleteOrganizationContents(String organizationGuid) {
        plans.removeOrganizationEverywhere(organizationGuid);
    }
}
