package dev.capi.domain.servicebrokers;

import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.serviceofferings.ServiceOfferingRepository;
import dev.capi.domain.serviceplans.ServicePlanRepository;
import dev.capi.domain.support.Guids;
import dev.capi.model.AuditEvent;
import dev.capi.model.Metadata;
import dev.capi.model.ServiceBroker;
import dev.capi.model.ServiceOffering;
import dev.capi.model.ServicePlan;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes a broker's offerings and plans match its catalog, as the reference's ServiceManager does: offerings and
 * plans are created or updated by catalog id (new plans are not public); those the catalog dropped are deactivated,
 * then deleted unless instances still use them (a plan) or plans remain (an offering). Audit events
 * {@code audit.service.*} and {@code audit.service_plan.*} are written as the reference's service event repository
 * does, with the broker as actor.
 */
public final class CatalogSync {
    private final ServiceOfferingRepository offerings;
    private final ServicePlanRepository plans;
    private final AuditEvents audit;
    private final Clock clock;
    private final Guids guids;

    public CatalogSync(ServiceOfferingRepository offerings, ServicePlanRepository plans, AuditEvents audit,
                       Clock clock, Guids guids) {
        this.offerings = offerings;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
        this.guids = guids;
    }

    /** What the broker offers now, for the catalog reader's checks against earlier registrations. */
    public CatalogReader.ExistingCatalog existing(ServiceBroker broker) {
        List<ServiceOffering> currentOfferings = offerings.forBroker(broker.guid());
        Map<String, ServiceOffering> byGuid = currentOfferings.stream()
                .collect(Collectors.toMap(ServiceOffering::guid, Function.identity()));
        List<ServicePlan> currentPlans = plans.forBroker(broker.guid());
        var existingOfferings = currentOfferings.stream()
                .map(o -> new CatalogReader.ExistingOffering(o.catalogId(), o.name(),
                        currentPlans.stream().anyMatch(p -> p.offeringGuid().equals(o.guid())
                                && plans.hasInstances(p.guid()))))
                .toList();
        var existingPlans = currentPlans.stream()
                .map(p -> new CatalogReader.ExistingPlan(p.catalogId(), p.name(),
                        byGuid.get(p.offeringGuid()).catalogId(), p.offeringName(), broker.name()))
                .toList();
        return new CatalogReader.ExistingCatalog() {
            @Override
            public List<CatalogReader.ExistingOffering> offerings() {
                return existingOfferings;
            }

            @Override
            public List<CatalogReader.ExistingPlan> plans() {
                return existingPlans;
            }
        };
    }

    /** Applies the catalog; returns the reference's warnings (plans deactivated because instances still use them). */
    public List<String> apply(ServiceBroker broker, BrokerCatalog catalog) {
        DeactivatedPlansWarning warning = new DeactivatedPlansWarning(broker.url());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEvent.Actor actor = new AuditEvent.Actor(broker.guid(), "service_broker", broker.name());
        Map<String, ServiceOffering> currentOfferings = new HashMap<>();
        offerings.forBroker(broker.guid()).forEach(o -> currentOfferings.put(o.catalogId(), o));
        Map<String, ServicePlan> currentPlans = new HashMap<>();
        plans.forBroker(broker.guid()).forEach(p -> currentPlans.put(p.offeringGuid() + "/" + p.catalogId(), p));

        for (BrokerCatalog.Offering entry : catalog.offerings()) {
            ServiceOffering existing = currentOfferings.remove(entry.catalogId());
            ServiceOffering offering = offering(broker, entry, existing, now);
            if (existing == null) {
                offerings.insert(offering);
                audit.record("audit.service.create", actor, target(offering), null, null, Map.of());
            } else {
                offerings.update(offering);
                audit.record("audit.service.update", actor, target(offering), null, null, Map.of());
            }
            for (BrokerCatalog.Plan planEntry : entry.plans()) {
                ServicePlan current = currentPlans.remove(offering.guid() + "/" + planEntry.catalogId());
                ServicePlan plan = plan(broker, offering, entry, planEntry, current, now);
                if (current == null) {
                    plans.insert(plan);
                    audit.record("audit.service_plan.create", actor, planTarget(plan), null, null, Map.of());
                } else {
                    plans.update(plan);
                    audit.record("audit.service_plan.update", actor, planTarget(plan), null, null, Map.of());
                }
            }
        }
        for (ServicePlan dropped : currentPlans.values()) {
            if (plans.hasInstances(dropped.guid())) {
                plans.update(deactivated(dropped, now));
                warning.add(dropped.offeringName(), dropped.name());
            } else {
                plans.delete(dropped.guid());
                audit.record("audit.service_plan.delete", actor, planTarget(dropped), null, null, Map.of());
            }
        }
        for (ServiceOffering dropped : currentOfferings.values()) {
            if (offerings.hasPlans(dropped.guid())) {
                offerings.update(new ServiceOffering(dropped.guid(), dropped.createdAt(), now, dropped.brokerGuid(),
                        dropped.brokerName(), dropped.brokerSpaceGuid(), dropped.catalogId(), dropped.name(),
                        dropped.description(), false, dropped.bindable(), dropped.planUpdateable(),
                        dropped.instancesRetrievable(), dropped.bindingsRetrievable(), dropped.allowContextUpdates(),
                        dropped.tags(), dropped.requires(), dropped.extra(), dropped.metadata()));
            } else {
                offerings.delete(dropped.guid());
                audit.record("audit.service.delete", actor, target(dropped), null, null, Map.of());
            }
        }
        return warning.message().map(List::of).orElse(List.of());
    }

    private ServiceOffering offering(ServiceBroker broker, BrokerCatalog.Offering entry, ServiceOffering existing,
                                     Instant now) {
        return new ServiceOffering(existing != null ? existing.guid() : guids.next(),
                existing != null ? existing.createdAt() : now, now, broker.guid(), broker.name(), broker.spaceGuid(),
                entry.catalogId(), entry.name(), entry.description(), !entry.plans().isEmpty(), entry.bindable(),
                entry.planUpdateable(), entry.instancesRetrievable(), entry.bindingsRetrievable(),
                entry.allowContextUpdates(), entry.tags(), entry.requires(), entry.metadata(),
                existing != null ? existing.metadata() : Metadata.empty());
    }

    private ServicePlan plan(ServiceBroker broker, ServiceOffering offering, BrokerCatalog.Offering offeringEntry,
                             BrokerCatalog.Plan entry, ServicePlan existing, Instant now) {
        boolean bindable = entry.bindable() != null ? entry.bindable() : offeringEntry.bindable();
        boolean updateable = entry.planUpdateable() != null ? entry.planUpdateable() : offeringEntry.planUpdateable();
        return new ServicePlan(existing != null ? existing.guid() : guids.next(),
                existing != null ? existing.createdAt() : now, now, offering.guid(), offering.name(), broker.guid(),
                broker.name(), broker.spaceGuid(), entry.catalogId(), entry.name(), entry.description(), entry.free(),
                bindable, updateable, entry.maximumPollingDuration(), entry.maintenanceInfo(), entry.metadata(),
                entry.schemas(), existing != null && existing.publicPlan(), true,
                existing != null && existing.hasOrgVisibilities(),
                existing != null ? existing.metadata() : Metadata.empty());
    }

    private static ServicePlan deactivated(ServicePlan p, Instant now) {
        return new ServicePlan(p.guid(), p.createdAt(), now, p.offeringGuid(), p.offeringName(), p.brokerGuid(),
                p.brokerName(), p.brokerSpaceGuid(), p.catalogId(), p.name(), p.description(), p.free(), p.bindable(),
                p.planUpdateable(), p.maximumPollingDuration(), p.maintenanceInfo(), p.extra(), p.schemas(),
                p.publicPlan(), false, p.hasOrgVisibilities(), p.metadata());
    }

    private static AuditEvent.Target target(ServiceOffering o) {
        return new AuditEvent.Target(o.guid(), "service", o.name());
    }

    private static AuditEvent.Target planTarget(ServicePlan p) {
        return new AuditEvent.Target(p.guid(), "service_plan", p.name());
    }
}
