package dev.capi.domain.fakes;

import dev.capi.domain.auth.RoleSource;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.servicebrokers.BrokerUpdateRequest;
import dev.capi.domain.servicebrokers.ServiceBrokerRepository;
import dev.capi.domain.serviceofferings.ServiceOfferingRepository;
import dev.capi.domain.serviceplandefinitions.ServicePlanDefinitionFilter;
import dev.capi.domain.serviceplandefinitions.ServicePlanDefinitionRepository;
import dev.capi.domain.serviceplans.ServicePlanRepository;
import dev.capi.model.Role;
import dev.capi.model.ServiceBroker;
import dev.capi.model.ServiceBrokerState;
import dev.capi.model.ServiceOffering;
import dev.capi.model.ServicePlan;
import dev.capi.model.ServicePlanDefinition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service catalog's three repositories in memory: brokers, offerings and plans share their rows so that joins
 * (an offering's broker, a plan's offering) and cascading deletes behave as in SQL. Marketplace visibility is
 * decided from the roles of {@code roles}; {@code instancesOfPlan} stands in for the service instances table.
 */
public final class InMemoryServiceCatalog {
    public final Map<String, ServiceBroker> brokerRows = new LinkedHashMap<>();
    public final Map<String, ServiceOffering> offeringRows = new LinkedHashMap<>();
    public final Map<String, ServicePlan> planRows = new LinkedHashMap<>();
    public final Map<String, Set<String>> planOrganizations = new HashMap<>();
    public final Map<String, BrokerUpdateRequest> updateRequests = new HashMap<>();
    public final Set<String> plansWithInstances = new HashSet<>();
    public final Map<String, Map<String, Object>> definitionRows = new LinkedHashMap<>();
    private final RoleSource roles;

    public InMemoryServiceCatalog(RoleSource roles) {
        this.roles = roles;
    }

    public final ServiceBrokerRepository brokers = new ServiceBrokerRepository() {
        @Override
        public Optional<ServiceBroker> find(String guid) {
            return Optional.ofNullable(brokerRows.get(guid));
        }

        @Override
        public Page<ServiceBroker> list(ListQuery query) {
            var v = query.visibility();
            List<ServiceBroker> found = brokerRows.values().stream().filter(b -> v == null || v.all()
                    || b.spaceGuid() != null && hasSpaceRole(v, b.spaceGuid())).toList();
            return new Page<>(found, found.size());
        }

        @Override
        public boolean nameTaken(String name, String exceptGuid) {
            return brokerRows.values().stream().anyMatch(b -> b.name().equals(name) && !b.guid().equals(exceptGuid));
        }

        @Override
        public void insert(ServiceBroker broker) {
            brokerRows.put(broker.guid(), broker);
        }

        @Override
        public void update(ServiceBroker broker) {
            brokerRows.put(broker.guid(), broker.withMetadata(brokerRows.get(broker.guid()).metadata()));
        }

        @Override
        public void updateState(String guid, ServiceBrokerState state, Instant at) {
            brokerRows.computeIfPresent(guid, (k, b) -> b.withState(state, at));
        }

        @Override
        public void updateStateIf(String guid, ServiceBrokerState expected, ServiceBrokerState state, Instant at) {
            brokerRows.computeIfPresent(guid, (k, b) -> b.state() == expected ? b.withState(state, at) : b);
        }

        @Override
        public void delete(String guid) {
            new ArrayList<>(offeringRows.values()).stream().filter(o -> o.brokerGuid().equals(guid))
                    .forEach(o -> deleteOffering(o.guid()));
            updateRequests.remove(guid);
            brokerRows.remove(guid);
        }

        @Override
        public boolean hasInstances(String guid) {
            return planRows.values().stream().anyMatch(p -> brokerOf(p).equals(guid)
                    && plansWithInstances.contains(p.guid()));
        }

        @Override
        public void saveUpdateRequest(BrokerUpdateRequest request) {
            updateRequests.put(request.brokerGuid(), request);
        }

        @Override
        public Optional<BrokerUpdateRequest> findUpdateRequest(String brokerGuid) {
            return Optional.ofNullable(updateRequests.get(brokerGuid));
        }

        @Override
        public void deleteUpdateRequest(String brokerGuid) {
            updateRequests.remove(brokerGuid);
        }

        @Override
        public void deleteInSpace(String spaceGuid) {
            new ArrayList<>(brokerRows.values()).stream().filter(b -> spaceGuid.equals(b.spaceGuid()))
                    .forEach(b -> delete(b.guid()));
        }
    };

    public final ServiceOfferingRepository offerings = new ServiceOfferingRepository() {
        @Override
        public Optional<ServiceOffering> find(String guid) {
            return Optional.ofNullable(offeringRows.get(guid)).map(InMemoryServiceCatalog.this::joined);
        }

        @Override
        public Page<ServiceOffering> list(ListQuery query) {
            List<ServiceOffering> found = offeringRows.values().stream().map(InMemoryServiceCatalog.this::joined)
                    .filter(o -> visible(o.guid(), query.visibility())).toList();
            return new Page<>(found, found.size());
        }

        @Override
        public boolean visible(String guid, Visibility visibility) {
            return planRows.values().stream().anyMatch(p -> p.offeringGuid().equals(guid)
                    && planVisible(p, visibility));
        }

        @Override
        public List<ServiceOffering> forBroker(String brokerGuid) {
            return offeringRows.values().stream().filter(o -> o.brokerGuid().equals(brokerGuid))
                    .map(InMemoryServiceCatalog.this::joined).toList();
        }

        @Override
        public void insert(ServiceOffering offering) {
            offeringRows.put(offering.guid(), offering);
        }

        @Override
        public void update(ServiceOffering offering) {
            offeringRows.put(offering.guid(), offering);
        }

        @Override
        public boolean hasPlans(String guid) {
            return planRows.values().stream().anyMatch(p -> p.offeringGuid().equals(guid));
        }

        @Override
        public void delete(String guid) {
            deleteOffering(guid);
        }

        @Override
        public void purge(String guid) {
            planRows.values().stream().filter(p -> p.offeringGuid().equals(guid))
                    .forEach(p -> plansWithInstances.remove(p.guid()));
            deleteOffering(guid);
        }
    };

    public final ServicePlanRepository plans = new ServicePlanRepository() {
        @Override
        public Optional<ServicePlan> find(String guid) {
            return Optional.ofNullable(planRows.get(guid)).map(InMemoryServiceCatalog.this::joined);
        }

        @Override
        public Page<ServicePlan> list(ListQuery query) {
            List<ServicePlan> found = planRows.values().stream().map(InMemoryServiceCatalog.this::joined)
                    .filter(p -> planVisible(p, query.visibility())).toList();
            return new Page<>(found, found.size());
        }

        @Override
        public boolean visible(String guid, Visibility visibility) {
            return find(guid).map(p -> planVisible(p, visibility)).orElse(false);
        }

        @Override
        public List<ServicePlan> forBroker(String brokerGuid) {
            return planRows.values().stream().map(InMemoryServiceCatalog.this::joined)
                    .filter(p -> p.brokerGuid().equals(brokerGuid)).toList();
        }

        @Override
        public List<ServicePlan> forOffering(String offeringGuid) {
            return planRows.values().stream().filter(p -> p.offeringGuid().equals(offeringGuid))
                    .map(InMemoryServiceCatalog.this::joined).toList();
        }

        @Override
        public void insert(ServicePlan plan) {
            planRows.put(plan.guid(), plan);
        }

        @Override
        public void update(ServicePlan plan) {
            planRows.put(plan.guid(), plan);
        }

        @Override
        public boolean hasInstances(String guid) {
            return plansWithInstances.contains(guid);
        }

        @Override
        public void delete(String guid) {
            planRows.remove(guid);
            planOrganizations.remove(guid);
            definitionRows.remove(guid);
        }

        @Override
        public List<VisibleOrganization> organizations(String planGuid) {
            return planOrganizations.getOrDefault(planGuid, Set.of()).stream().sorted()
                    .map(o -> new VisibleOrganization(o, o + "-name")).toList();
        }

        @Override
        public void addOrganizations(String planGuid, Collection<String> organizationGuids, Instant at) {
            planOrganizations.computeIfAbsent(planGuid, k -> new HashSet<>()).addAll(organizationGuids);
        }

        @Override
        public void removeOrganization(String planGuid, String organizationGuid) {
            planOrganizations.getOrDefault(planGuid, new HashSet<>()).remove(organizationGuid);
        }

        @Override
        public void clearOrganizations(String planGuid) {
            planOrganizations.remove(planGuid);
        }

        @Override
        public void removeOrganizationEverywhere(String organizationGuid) {
            planOrganizations.values().forEach(s -> s.remove(organizationGuid));
        }
    };

    /** Plan definitions keyed by plan; the list filters by plan name and offering/broker guid. */
    public final ServicePlanDefinitionRepository definitions = new ServicePlanDefinitionRepository() {
        @Override
        public Optional<Map<String, Object>> find(String planGuid) {
            return Optional.ofNullable(definitionRows.get(planGuid));
        }

        @Override
        public Page<ServicePlanDefinition> list(ListQuery query) {
            List<ServicePlanDefinition> found = planRows.values().stream().map(InMemoryServiceCatalog.this::joined)
                    .filter(p -> matches(query, ServicePlanDefinitionFilter.NAMES, p.name())
                            && matches(query, ServicePlanDefinitionFilter.SERVICE_OFFERING_GUIDS, p.offeringGuid())
                            && matches(query, ServicePlanDefinitionFilter.SERVICE_BROKER_GUIDS, p.brokerGuid())
                            && matches(query, ServicePlanDefinitionFilter.SERVICE_BROKER_NAMES, p.brokerName()))
                    .map(p -> new ServicePlanDefinition(p.guid(), definitionRows.get(p.guid()))).toList();
            return new Page<>(found, found.size());
        }

        private boolean matches(ListQuery query, ServicePlanDefinitionFilter filter, String value) {
            List<String> wanted = query.filter(filter.key());
            return wanted == null || wanted.contains(value);
        }

        @Override
        public void save(String planGuid, Map<String, Object> definition, Instant at) {
            definitionRows.put(planGuid, definition);
        }

        @Override
        public void delete(String planGuid) {
            definitionRows.remove(planGuid);
        }
    };

    private void deleteOffering(String guid) {
        new ArrayList<>(planRows.values()).stream().filter(p -> p.offeringGuid().equals(guid))
                .forEach(p -> plans.delete(p.guid()));
        offeringRows.remove(guid);
    }

    private String brokerOf(ServicePlan p) {
        return offeringRows.get(p.offeringGuid()).brokerGuid();
    }

    private ServiceOffering joined(ServiceOffering o) {
        ServiceBroker b = brokerRows.get(o.brokerGuid());
        return new ServiceOffering(o.guid(), o.createdAt(), o.updatedAt(), o.brokerGuid(), b.name(), b.spaceGuid(),
                o.catalogId(), o.name(), o.description(), o.available(), o.bindable(), o.planUpdateable(),
                o.instancesRetrievable(), o.bindingsRetrievable(), o.allowContextUpdates(), o.tags(), o.requires(),
                o.extra(), o.metadata());
    }

    private ServicePlan joined(ServicePlan p) {
        ServiceOffering o = offeringRows.get(p.offeringGuid());
        ServiceBroker b = brokerRows.get(o.brokerGuid());
        return new ServicePlan(p.guid(), p.createdAt(), p.updatedAt(), p.offeringGuid(), o.name(), b.guid(),
                b.name(), b.spaceGuid(), p.catalogId(), p.name(), p.description(), p.free(), p.bindable(),
                p.planUpdateable(), p.maximumPollingDuration(), p.maintenanceInfo(), p.extra(), p.schemas(),
                p.publicPlan(), p.available(), !planOrganizations.getOrDefault(p.guid(), Set.of()).isEmpty(),
                p.metadata());
    }

    private boolean planVisible(ServicePlan plan, Visibility v) {
        ServicePlan p = joined(plan);
        if (v == null || v.all() || p.publicPlan()) {
            return true;
        }
        if (v.userGuid() == null || v.userGuid().isEmpty()) {
            return false;
        }
        List<Role> mine = roles.forUser(v.userGuid());
        boolean inOrg = mine.stream().anyMatch(r -> v.orgRoles().contains(r.type())
                && planOrganizations.getOrDefault(p.guid(), Set.of()).contains(r.organizationGuid()));
        return inOrg || p.brokerSpaceGuid() != null && hasSpaceRole(v, p.brokerSpaceGuid());
    }

    private boolean hasSpaceRole(Visibility v, String spaceGuid) {
        return v.userGuid() != null && roles.forUser(v.userGuid()).stream()
                .anyMatch(r -> spaceGuid.equals(r.spaceGuid()) && v.spaceRoles().contains(r.type()));
    }
}
