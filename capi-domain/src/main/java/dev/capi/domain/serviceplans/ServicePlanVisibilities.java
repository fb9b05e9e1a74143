package dev.capi.domain.serviceplans;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.support.Transactions;
import dev.capi.model.ServicePlan;
import dev.capi.model.ServicePlanVisibilityType;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A plan's visibility ({@code /v3/service_plans/:guid/visibility}): read it (the organizations listed are those the
 * caller can see), replace it (PATCH), extend it (POST: organizations are added), or take one organization away.
 * Plans of space-scoped brokers keep their {@code space} visibility.
 */
public final class ServicePlanVisibilities {
    private final ServicePlanRepository plans;
    private final ServicePlans planUseCases;
    private final Marketplace marketplace;
    private final CatalogWriters writers;
    private final OrganizationRepository organizations;
    private final SpaceRepository spaces;
    private final Transactions tx;
    private final AuditEvents audit;
    private final Clock clock;

    public ServicePlanVisibilities(ServicePlanRepository plans, ServicePlans planUseCases, Marketplace marketplace,
                                   CatalogWriters writers, OrganizationRepository organizations,
                                   SpaceRepository spaces, Transactions tx, AuditEvents audit, Clock clock) {
        this.plans = plans;
        this.planUseCases = planUseCases;
        this.marketplace = marketplace;
        this.writers = writers;
        this.organizations = organizations;
        this.spaces = spaces;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** A plan's visibility as presented: the type, the broker's space (space type), the organizations (org type). */
    public record PlanVisibility(ServicePlanVisibilityType type, ServicePlanRepository.VisibleOrganization space,
                                 List<ServicePlanRepository.VisibleOrganization> organizations) {
    }

    /** The new visibility: type {@code public}, {@code admin} or {@code organization} with organization guids. */
    public record Change(ServicePlanVisibilityType type, List<String> organizationGuids) {
    }

    public PlanVisibility get(Permissions perms, String planGuid) {
        return tx.inTransaction(() -> present(perms, planUseCases.visible(planGuid, marketplace.visibility(perms)),
                true));
    }

    /** PATCH: replaces the visibility (and the organizations, for type organization). */
    public PlanVisibility update(Permissions perms, String planGuid, Change change) {
        return tx.inTransaction(() -> present(perms, change(perms, planGuid, change, false), true));
    }

    /** POST: as PATCH, but organizations are added to those the plan has; the answer lists none. */
    public PlanVisibility apply(Permissions perms, String planGuid, Change change) {
        return tx.inTransaction(() -> present(perms, change(perms, planGuid, change, true), false));
    }

    public void remove(Permissions perms, String planGuid, String organizationGuid) {
        tx.run(() -> {
            ServicePlan plan = writable(perms, planGuid);
            if (plan.visibilityType() != ServicePlanVisibilityType.ORGANIZATION) {
                throw CfException.unprocessable("Cannot delete visibilities from non-org-restricted plans");
            }
            if (organizations.find(organizationGuid).isEmpty()) {
                throw CfException.notFound("Organization");
            }
            if (plans.organizations(planGuid).stream().noneMatch(o -> o.guid().equals(organizationGuid))) {
                throw CfException.notFound("Service plan visibility");
            }
            plans.removeOrganization(planGuid, organizationGuid);
            audit.record("audit.service_plan_visibility.delete", perms.principal(), ServicePlans.target(plan), null,
                    organizationGuid, Map.of());
        });
    }

    private ServicePlan change(Permissions perms, String planGuid, Change change, boolean append) {
        ServicePlan plan = writable(perms, planGuid);
        if (plan.visibilityType() == ServicePlanVisibilityType.SPACE) {
            throw CfException.unprocessable("cannot update plans with visibility type 'space'");
        }
        boolean isPublic = change.type() == ServicePlanVisibilityType.PUBLIC;
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (change.type() == ServicePlanVisibilityType.ORGANIZATION) {
            var requested = new LinkedHashSet<>(change.organizationGuids());
            for (String org : requested) {
                if (organizations.find(org).isEmpty()) {
                    throw CfException.of(CfError.InvalidRelation, "Could not find Organization with guid: " + org);
                }
            }
            if (append) {
                plans.organizations(planGuid).forEach(o -> requested.remove(o.guid()));
            } else {
                plans.clearOrganizations(planGuid);
            }
            plans.addOrganizations(planGuid, requested, now);
        } else {
            plans.clearOrganizations(planGuid);
        }
        ServicePlan updated = new ServicePlan(plan.guid(), plan.createdAt(), now, plan.offeringGuid(),
                plan.offeringName(), plan.brokerGuid(), plan.brokerName(), plan.brokerSpaceGuid(), plan.catalogId(),
                plan.name(), plan.description(), plan.free(), plan.bindable(), plan.planUpdateable(),
                plan.maximumPollingDuration(), plan.maintenanceInfo(), plan.extra(), plan.schemas(), isPublic,
                plan.available(), !plans.organizations(planGuid).isEmpty(), plan.metadata());
        plans.update(updated);
        var request = new LinkedHashMap<String, Object>();
        request.put("type", change.type().wireName());
        if (change.type() == ServicePlanVisibilityType.ORGANIZATION) {
            request.put("organizations", change.organizationGuids().stream().map(g -> Map.of("guid", g)).toList());
        }
        audit.record("audit.service_plan_visibility.update", perms.principal(), ServicePlans.target(plan), null,
                null, Map.of("request", request));
        return plans.find(planGuid).orElseThrow(ServicePlans::notFound);
    }

    private ServicePlan writable(Permissions perms, String planGuid) {
        ServicePlan plan = planUseCases.visible(planGuid, marketplace.visibility(perms));
        if (!writers.canWrite(perms, plan.brokerSpaceGuid())) {
            throw CfException.notAuthorized();
        }
        return plan;
    }

    private PlanVisibility present(Permissions perms, ServicePlan plan, boolean withOrganizations) {
        var type = plan.visibilityType();
        ServicePlanRepository.VisibleOrganization space = null;
        if (type == ServicePlanVisibilityType.SPACE) {
            space = spaces.find(plan.brokerSpaceGuid())
                    .map(s -> new ServicePlanRepository.VisibleOrganization(s.guid(), s.name())).orElse(null);
        }
        List<ServicePlanRepository.VisibleOrganization> orgs = null;
        if (type == ServicePlanVisibilityType.ORGANIZATION && withOrganizations) {
            orgs = plans.organizations(plan.guid()).stream()
                    .filter(o -> perms == null || perms.principal() == null ? false : perms.canReadOrg(o.guid()))
                    .toList();
        }
        return new PlanVisibility(type, space, orgs);
    }
}
