package dev.capi.domain.serviceplandefinitions;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.osbapi.BrokerEndpoint;
import dev.capi.domain.osbapi.OsmapiFeatures;
import dev.capi.domain.servicebrokers.ServiceBrokerRepository;
import dev.capi.domain.serviceofferings.ServiceOfferingRepository;
import dev.capi.domain.serviceplans.Marketplace;
import dev.capi.domain.serviceplans.ServicePlanRepository;
import dev.capi.model.ServiceBroker;
import dev.capi.model.ServiceOffering;
import dev.capi.model.ServicePlan;

/**
 * Who may use plan definitions and schemas, and the rows they act on: global readers (admin, admin_read_only,
 * global_auditor) read them, admins change them; anyone else gets 403, or 404 for a plan or offering the marketplace
 * does not show them. Call inside a transaction.
 */
public final class PlanDefinitionAccess {
    private final ServicePlanRepository plans;
    private final ServiceOfferingRepository offerings;
    private final ServiceBrokerRepository brokers;
    private final Marketplace marketplace;

    public PlanDefinitionAccess(ServicePlanRepository plans, ServiceOfferingRepository offerings,
                                ServiceBrokerRepository brokers, Marketplace marketplace) {
        this.plans = plans;
        this.offerings = offerings;
        this.brokers = brokers;
        this.marketplace = marketplace;
    }

    public void requireReader(Permissions perms) {
        if (!perms.canReadGlobally()) {
            throw CfException.notAuthorized();
        }
    }

    public void requireAdmin(Permissions perms) {
        if (!perms.canWriteGlobally()) {
            throw CfException.notAuthorized();
        }
    }

    /** The plan, for a global reader (write: an admin); 404 when the caller cannot see it, else 403. */
    public ServicePlan plan(Permissions perms, String guid, boolean write) {
        ServicePlan plan = plans.find(guid).orElseThrow(() -> CfException.notFound("Service plan"));
        if (write ? !perms.canWriteGlobally() : !perms.canReadGlobally()) {
            boolean visible = perms.canReadGlobally() || plans.visible(guid, marketplace.visibility(perms));
            throw visible ? CfException.notAuthorized() : CfException.notFound("Service plan");
        }
        return plan;
    }

    /** The offering, for a global reader; 404 when the caller cannot see it, else 403. */
    public ServiceOffering offering(Permissions perms, String guid) {
        ServiceOffering offering = offerings.find(guid).orElseThrow(() -> CfException.notFound("Service offering"));
        if (!perms.canReadGlobally()) {
            boolean visible = offerings.visible(guid, marketplace.visibility(perms));
            throw visible ? CfException.notAuthorized() : CfException.notFound("Service offering");
        }
        return offering;
    }

    public ServiceOffering offeringOf(ServicePlan plan) {
        return offerings.find(plan.offeringGuid()).orElseThrow(() -> CfException.notFound("Service offering"));
    }

    public ServiceBroker brokerOf(ServiceOffering offering) {
        return brokers.find(offering.brokerGuid()).orElseThrow(() -> CfException.of(CfError.ServiceBrokerGone));
    }

    /** 422 unless the offering's broker advertises OSMAPI plan definitions for it. */
    public static void requirePlanDefinitions(ServiceOffering offering) {
        if (!OsmapiFeatures.supports(offering, OsmapiFeatures.PLAN_DEFINITIONS)) {
            throw CfException.unprocessable("The service offering " + offering.name()
                    + " does not support the OSMAPI plan_definitions feature.");
        }
    }

    static dev.capi.model.AuditEvent.Target target(ServicePlan plan) {
        return new dev.capi.model.AuditEvent.Target(plan.guid(), "service_plan", plan.name());
    }

    static BrokerEndpoint endpoint(ServiceBroker broker) {
        return new BrokerEndpoint(broker.url(), broker.username(), broker.password());
    }
}
