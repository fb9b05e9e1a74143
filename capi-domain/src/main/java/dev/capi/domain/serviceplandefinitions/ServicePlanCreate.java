package dev.capi.domain.serviceplandefinitions;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.serviceofferings.ServiceOfferingRepository;
import dev.capi.domain.serviceplans.ServicePlanRepository;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.ServiceBroker;
import dev.capi.model.ServiceOffering;
import dev.capi.model.ServicePlan;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v3/service_plans} (admins): a plan from a definition. The offering must support the OSMAPI
 * plan_definitions feature and must not have a plan of that name or catalog id yet; the definition (its
 * {@code plan_id} generated when absent) goes to the broker, the broker's catalog is synced, and the plan the
 * catalog now lists is returned with the broker's copy of the definition stored for it.
 */
public final class ServicePlanCreate {
    private final ServiceOfferingRepository offerings;
    private final ServicePlanRepository plans;
    private final ServicePlanDefinitionRepository definitions;
    private final PlanDefinitionAccess access;
    private final PlanDefinitionBroker broker;
    private final CatalogResync resync;
    private final Transactions tx;
    private final Clock clock;
    private final Guids guids;

    public ServicePlanCreate(ServiceOfferingRepository offerings, ServicePlanRepository plans,
                             ServicePlanDefinitionRepository definitions, PlanDefinitionAccess access,
                             PlanDefinitionBroker broker, CatalogResync resync, Transactions tx, Clock clock,
                             Guids guids) {
        this.offerings = offerings;
        this.plans = plans;
        this.definitions = definitions;
        this.access = access;
        this.broker = broker;
        this.resync = resync;
        this.tx = tx;
        this.clock = clock;
        this.guids = guids;
    }

    /** A validated request: name and description equal the definition's. */
    public record Command(String name, String description, String offeringGuid, Map<String, Object> definition) {
    }

    public ServicePlan create(Permissions perms, Command command) {
        access.requireAdmin(perms);
        var sent = new LinkedHashMap<>(command.definition());
        if (!(sent.get("plan_id") instanceof String id) || id.isBlank()) {
            sent.put("plan_id", guids.next());
        }
        String planId = (String) sent.get("plan_id");
        record Target(ServiceOffering offering, ServiceBroker broker) {
        }
        Target target = tx.inTransaction(() -> {
            ServiceOffering offering = offerings.find(command.offeringGuid()).orElseThrow(() ->
                    CfException.unprocessable("Invalid service offering. Ensure that the service offering exists "
                            + "and you have access to it."));
            PlanDefinitionAccess.requirePlanDefinitions(offering);
            for (ServicePlan existing : plans.forOffering(offering.guid())) {
                if (existing.name().equals(command.name())) {
                    throw CfException.unprocessable("Plan names must be unique within a service offering. "
                            + "Service offering " + offering.name() + " already has a plan named " + command.name()
                            + ".");
                }
                if (existing.catalogId().equals(planId)) {
                    throw CfException.unprocessable("Service offering " + offering.name()
                            + " already has a plan with plan_id " + planId + ".");
                }
            }
            return new Target(offering, access.brokerOf(offering));
        });
        Map<String, Object> kept = broker.put(PlanDefinitionAccess.endpoint(target.broker()),
                target.offering().catalogId(), planId, sent, Optional.ofNullable(perms.principal().userGuid()));
        resync.resync(target.broker());
        return tx.inTransaction(() -> {
            ServicePlan plan = plans.forOffering(target.offering().guid()).stream()
                    .filter(p -> p.catalogId().equals(planId)).findFirst()
                    .orElseThrow(() -> CfException.of(CfError.ServiceBrokerBadResponse, "The service broker "
                            + "accepted the plan definition but its catalog does not list plan " + planId + "."));
            definitions.save(plan.guid(), kept, clock.instant().truncatedTo(ChronoUnit.MICROS));
            return plan;
        });
    }
}
