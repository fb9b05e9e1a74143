package dev.capi.domain.assembly;

import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.domain.servicebrokers.BrokerDeletion;
import dev.capi.domain.servicebrokers.BrokerUpdate;
import dev.capi.domain.servicebrokers.CatalogFetch;
import dev.capi.domain.servicebrokers.CatalogReader;
import dev.capi.domain.servicebrokers.CatalogSync;
import dev.capi.domain.servicebrokers.CatalogSynchronization;
import dev.capi.domain.servicebrokers.ServiceBrokerCleanup;
import dev.capi.domain.servicebrokers.ServiceBrokers;
import dev.capi.domain.serviceofferings.ServiceOfferings;
import dev.capi.domain.serviceplandefinitions.CatalogResync;
import dev.capi.domain.serviceplandefinitions.PlanDefinitionAccess;
import dev.capi.domain.serviceplandefinitions.PlanDefinitionBroker;
import dev.capi.domain.serviceplandefinitions.PlanDefinitionSchemas;
import dev.capi.domain.serviceplandefinitions.PlanDefinitions;
import dev.capi.domain.serviceplandefinitions.ServicePlanCreate;
import dev.capi.domain.serviceplans.CatalogWriters;
import dev.capi.domain.serviceplans.Marketplace;
import dev.capi.domain.serviceplans.ServicePlanVisibilities;
import dev.capi.domain.serviceplans.ServicePlans;
import dev.capi.domain.spaces.WritableSpaces;

import java.util.List;

/**
 * The service catalog: brokers (registration, update and deletion as jobs that fetch and sync their catalogs),
 * offerings, plans and plan visibility, with the marketplace's visibility rules, and the OSMAPI plan definitions
 * (schemas, plans created from definitions, definition changes, each followed by a catalog sync). Route and volume
 * services are supported, so catalogs that require them are compatible.
 */
public record ServiceCatalog(ServiceBrokers brokers, ServiceOfferings offerings, ServicePlans plans,
                             ServicePlanVisibilities visibilities, PlanDefinitionSchemas planDefinitionSchemas,
                             PlanDefinitions planDefinitions, ServicePlanCreate planCreate,
                             List<JobHandler> jobHandlers, OrganizationCleanup cleanup) {

    public static ServiceCatalog assemble(CorePorts core, OrgsAndSpacesPorts tenancy, ServiceCatalogPorts ports,
                                          Foundation foundation) {
        var tx = core.transactions();
        var clock = core.clock();
        var audit = foundation.auditEvents();
        var metadata = foundation.metadataChanges();
        var brokers = new ServiceBrokers(ports.brokers(), tenancy.spaces(), new WritableSpaces(tenancy.organizations()),
                tx, audit, foundation.featureFlags(), metadata, foundation.jobs(), clock, core.guids());
        var fetch = new CatalogFetch(ports.brokerClient());
        var reader = new CatalogReader(true, true);
        var sync = new CatalogSync(ports.offerings(), ports.plans(), audit, clock, core.guids());
        List<JobHandler> handlers = List.of(
                new CatalogSynchronization(ports.brokers(), fetch, reader, sync, clock),
                new BrokerUpdate(ports.brokers(), fetch, reader, sync, clock, foundation.jobs()),
                new BrokerDeletion(ports.brokers(), audit, clock));

        var marketplace = new Marketplace(foundation.featureFlags());
        var writers = new CatalogWriters(tenancy.spaces());
        var offerings = new ServiceOfferings(ports.offerings(), marketplace, writers, tx, audit, metadata);
        var plans = new ServicePlans(ports.plans(), marketplace, writers, tx, audit, metadata, tenancy.spaces(),
                tenancy.organizations());
        var visibilities = new ServicePlanVisibilities(ports.plans(), plans, marketplace, writers,
                tenancy.organizations(), tenancy.spaces(), tx, audit, clock);

        var access = new PlanDefinitionAccess(ports.plans(), ports.offerings(), ports.brokers(), marketplace);
        var definitionBroker = new PlanDefinitionBroker(ports.brokerClient());
        var resync = new CatalogResync(fetch, reader, sync, tx);
        var schemas = new PlanDefinitionSchemas(ports.offerings(), access, definitionBroker, tx);
        var definitions = new PlanDefinitions(ports.planDefinitions(), ports.plans(), access, definitionBroker,
                resync, tx, audit, clock);
        var create = new ServicePlanCreate(ports.offerings(), ports.plans(), ports.planDefinitions(), access,
                definitionBroker, resync, tx, clock, core.guids());
        return new ServiceCatalog(brokers, offerings, plans, visibilities, schemas, definitions, create, handlers,
                new ServiceBrokerCleanup(ports.brokers(), ports.plans()));
    }
}
