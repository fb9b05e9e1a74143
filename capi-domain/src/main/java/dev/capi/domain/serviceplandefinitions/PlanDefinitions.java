package dev.capi.domain.serviceplandefinitions;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.serviceplans.ServicePlanRepository;
import dev.capi.domain.support.Transactions;
import dev.capi.domain.query.Page;
import dev.capi.model.AuditEvent;
import dev.capi.model.ServiceBroker;
import dev.capi.model.ServiceOffering;
import dev.capi.model.ServicePlan;
import dev.capi.model.ServicePlanDefinition;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /v3/service_plan_definitions} and {@code /v3/service_plans/:guid/definition}: list and get (global readers),
 * replace and delete (admins, offerings with the OSMAPI plan_definitions feature). A change goes to the broker first
 * (outside any transaction), then the broker's catalog is synced, then the stored definition follows; a plan with
 * service instances keeps its definition.
 */
public final class PlanDefinitions {
    private final ServicePlanDefinitionRepository definitions;
    private final ServicePlanRepository plans;
    private final PlanDefinitionAccess access;
    private final PlanDefinitionBroker broker;
    private final CatalogResync resync;
    private final Transactions tx;
    private final AuditEvents audit;
    private final Clock clock;

    public PlanDefinitions(ServicePlanDefinitionRepository definitions, ServicePlanRepository plans,
                           PlanDefinitionAccess access, PlanDefinitionBroker broker, CatalogResync resync,
                           Transactions tx, AuditEvents audit, Clock clock) {
        this.definitions = definitions;
        this.plans = plans;
        this.access = access;
        this.broker = broker;
        this.resync = resync;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public Page<ServicePlanDefinition> list(Permissions perms, ListQuery query) {
        access.requireReader(perms);
        return tx.inTransaction(() -> definitions.list(query));
    }

    public ServicePlanDefinition get(Permissions perms, String planGuid) {
        return tx.inTransaction(() -> {
            ServicePlan plan = access.plan(perms, planGuid, false);
            return new ServicePlanDefinition(plan.guid(), definitions.find(plan.guid()).orElse(null));
        });
    }

    /** Replaces the whole definition (its {@code plan_id}, when given, must be the plan's catalog id). */
    public ServicePlanDefinition replace(Permissions perms, String planGuid, Map<String, Object> definition) {
        Target target = tx.inTransaction(() -> target(perms, planGuid));
        if (definition.get("plan_id") instanceof String id && !id.equals(target.plan().catalogId())) {
            throw CfException.unprocessable("Definition plan_id must be the service plan's broker catalog id "
                    + target.plan().catalogId() + ".");
        }
        var sent = new LinkedHashMap<>(definition);
        sent.put("plan_id", target.plan().catalogId());
        Map<String, Object> kept = broker.put(PlanDefinitionAccess.endpoint(target.broker()),
                target.offering().catalogId(), target.plan().catalogId(), sent, Optional.ofNullable(perms.principal().userGuid()));
        resync.resync(target.broker());
        return tx.inTransaction(() -> {
            if (plans.find(planGuid).isEmpty()) {
                throw CfException.notFound("Service plan");
            }
            definitions.save(planGuid, kept, clock.instant().truncatedTo(ChronoUnit.MICROS));
            audit.record("audit.service_plan.update", perms.principal(), PlanDefinitionAccess.target(target.plan()),
                    null, null, Map.of("request", Map.of("definition", "[PRIVATE DATA HIDDEN]")));
            return new ServicePlanDefinition(planGuid, kept);
        });
    }

    /** Deletes the definition at the broker (refused while the plan has instances), then syncs the catalog. */
    public void delete(Permissions perms, String planGuid) {
        Target target = tx.inTransaction(() -> {
            Target t = target(perms, planGuid);
            if (plans.hasInstances(planGuid)) {
                throw CfException.unprocessable(
                        "Please delete the service_instances associations for your service_plans.");
            }
            return t;
        });
        broker.delete(PlanDefinitionAccess.endpoint(target.broker()), target.offering().catalogId(),
                target.plan().catalogId(), Optional.ofNullable(perms.principal().userGuid()));
        resync.resync(target.broker());
        tx.run(() -> {
            definitions.delete(planGuid);
            audit.record("audit.service_plan.update", perms.principal(), PlanDefinitionAccess.target(target.plan()),
                    null, null, Map.of("request", Map.of("definition", "[DELETED]")));
        });
    }

    private Target target(Permissions perms, String planGuid) {
        ServicePlan plan = access.plan(perms, planGuid, true);
        ServiceOffering offering = access.offeringOf(plan);
        PlanDefinitionAccess.requirePlanDefinitions(offering);
        return new Target(plan, offering, access.brokerOf(offering));
    }

    private record Target(ServicePlan plan, ServiceOffering offering, ServiceBroker broker) {
    }
}
