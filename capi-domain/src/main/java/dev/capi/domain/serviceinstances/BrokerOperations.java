package dev.capi.domain.serviceinstances;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.domain.osbapi.BrokerUnreachable;
import dev.capi.model.AuditEvent;
import dev.capi.model.Job;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.ServiceInstance;
import dev.capi.model.ServiceInstance.LastOperation;
import dev.capi.model.ServiceInstance.Polling;
import dev.capi.model.ServiceUsageEvent;
import dev.capi.model.Space;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A managed instance's broker work, as the reference's create/update/delete jobs do it: the first broker call (from
 * the job's handler), what each answer means for the instance, its job, its audit and usage events, and the
 * follow-up of asynchronous operations (from the poller): last_operation until succeeded or failed, or until the
 * plan's maximum polling duration is over. A provision that may have left an instance behind at the broker is
 * followed by a deprovision (orphan mitigation).
 */
public final class BrokerOperations {
    private static final Logger LOG = Logger.getLogger(BrokerOperations.class.getName());
    static final String CREATE = "create";
    static final String UPDATE = "update";
    static final String DELETE = "delete";

    private final ServiceInstanceContext ctx;
    private final ServiceInstanceEvents events;

    public BrokerOperations(ServiceInstanceContext ctx, ServiceInstanceEvents events) {
        this.ctx = ctx;
        this.events = events;
    }

    /** The job's first broker call (inside the job's transaction). */
    void start(Job job, String type) {
        Optional<ServiceInstance> found = ctx.instances().find(job.resourceGuid());
        if (found.isEmpty()) {
            ctx.jobs().fail(job.guid(), error(CfError.ResourceNotFound,
                    "The service instance could not be found: " + job.resourceGuid() + "."));
            return;
        }
        ServiceInstance si = found.get();
        Target t = target(si);
        if (t == null) {
            fail(si, type, "The service plan of the instance could not be found.", Optional.of(job),
                    actionName(type));
            return;
        }
        Map<String, Object> request = si.polling().request();
        BrokerOutcome outcome;
        try {
            BrokerReply reply = switch (type) {
                case CREATE -> ctx.brokers().provision(t.plan.endpoint(), si.guid(), provisionBody(si, t, request),
                        userGuid(request));
                case UPDATE -> ctx.brokers().updateInstance(t.plan.endpoint(), si.guid(), updateBody(si, t, request),
                        userGuid(request));
                default -> ctx.brokers().deprovision(t.plan.endpoint(), si.guid(), t.plan.offeringCatalogId(),
                        t.plan.catalogId(), userGuid(request));
            };
            outcome = switch (type) {
                case CREATE -> BrokerReplies.provision(reply, t.plan.endpoint());
                case UPDATE -> BrokerReplies.update(reply, t.plan.endpoint());
                default -> BrokerReplies.deprovision(reply, t.plan.endpoint());
            };
        } catch (BrokerUnreachable e) {
            outcome = BrokerReplies.unreachable(e, t.plan.endpoint(), CREATE.equals(type));
        }
        if (DELETE.equals(type) && outcome.is(BrokerOutcome.Kind.FAILED)) {
            outcome = BrokerOutcome.failed("Service instance " + si.name() + ": " + outcome.description(), false);
        }
        switch (outcome.kind()) {
            case SUCCEEDED -> succeed(si, t, type, outcome, Optional.empty());
            case IN_PROGRESS -> {
                Instant now = ctx.now();
                Duration max = ctx.maximumPolling(t.plan.maximumPollingDuration());
                save(si, new LastOperation(type, "in progress", blankToNull(outcome.description()),
                                si.lastOperation() == null ? now : si.lastOperation().createdAt(), now),
                        new Polling(outcome.operation(), job.guid(), now, now.plus(max), request));
                events.audit("start_" + type, actor(request), si, t.space, audit(request));
                ctx.jobs().markPolling(job);
            }
            case FAILED -> {
                fail(si, type, outcome.description(), Optional.of(job), actionName(type));
                if (outcome.mitigateOrphan()) {
                    mitigateOrphan(si, t);
                }
            }
        }
    }

    /** One poll of the broker's last_operation for an instance the poller claimed (outside any transaction). */
    BrokerOutcome askBroker(ServiceInstance si) {
        Target t = ctx.tx().inTransaction(() -> target(si));
        if (t == null) {
            return BrokerOutcome.failed("The service plan of the instance could not be found.", false);
        }
        try {
            BrokerReply reply = ctx.brokers().instanceLastOperation(t.plan.endpoint(), si.guid(),
                    t.plan.offeringCatalogId(), t.plan.catalogId(), Optional.ofNullable(si.polling().brokerOperation()));
            BrokerOutcome outcome = BrokerReplies.lastOperation(reply, si.lastOperation().type());
            if (outcome.is(BrokerOutcome.Kind.SUCCEEDED) && CREATE.equals(si.lastOperation().type())
                    && t.plan.instancesRetrievable()) {
                return fetchedDashboard(si, t, outcome);
            }
            return outcome;
        } catch (BrokerUnreachable e) {
            return BrokerOutcome.inProgress(null, null, Optional.empty());
        }
    }

    /** What a poll's answer means (inside a transaction, on the instance as it is now). */
    void followUp(ServiceInstance si, BrokerOutcome outcome) {
        Target t = target(si);
        String type = si.lastOperation().type();
        String jobGuid = si.polling().jobGuid();
        switch (outcome.kind()) {
            case SUCCEEDED -> {
                succeed(si, t, type, outcome, Optional.ofNullable(si.polling().brokerOperation()));
                if (jobGuid != null) {
                    ctx.jobs().complete(jobGuid);
                }
            }
            case FAILED -> {
                fail(si, type, outcome.description(), Optional.empty(), CREATE.equals(type) ? "create managed"
                        : UPDATE.equals(type) ? "update managed" : "delete managed");
                if (jobGuid != null) {
                    ctx.jobs().fail(jobGuid, error(CfError.UnableToPerform, CREATE.equals(type) ? "create managed"
                            : UPDATE.equals(type) ? "update managed" : "delete managed",
                            String.valueOf(outcome.description())));
                }
            }
            case IN_PROGRESS -> {
                Instant now = ctx.now();
                Duration wait = outcome.retryAfter().filter(d -> d.compareTo(ctx.polling().pollInterval()) > 0)
                        .orElse(ctx.polling().pollInterval());
                Instant next = now.plus(wait);
                if (si.polling().pollDeadline() != null && next.isAfter(si.polling().pollDeadline())) {
                    expire(si, t, type, jobGuid);
                    return;
                }
                String description = outcome.description() != null ? outcome.description()
                        : si.lastOperation().description();
                save(si, new LastOperation(type, "in progress", description, si.lastOperation().createdAt(), now),
                        new Polling(si.polling().brokerOperation(), jobGuid, next, si.polling().pollDeadline(),
                                si.polling().request()));
            }
        }
    }

    /** The broker did not finish in time: the operation fails with JobTimeout; a provision is mitigated. */
    private void expire(ServiceInstance si, Target t, String type, String jobGuid) {
        String verb = CREATE.equals(type) ? "provision" : UPDATE.equals(type) ? "update" : "deprovision";
        Instant now = ctx.now();
        save(si, new LastOperation(type, "failed", "Service Broker failed to " + verb + " within the required time.",
                si.lastOperation().createdAt(), now), Polling.NONE);
        if (jobGuid != null) {
            ctx.jobs().fail(jobGuid, error(CfError.JobTimeout));
        }
        if (CREATE.equals(type) && t != null) {
            mitigateOrphan(si, t);
        }
    }

    private void succeed(ServiceInstance si, Target t, String type, BrokerOutcome outcome,
                         Optional<String> unusedOperation) {
        Map<String, Object> request = si.polling().request();
        Instant now = ctx.now();
        String description = outcome.description() == null ? "" : outcome.description();
        switch (type) {
            case DELETE -> {
                ctx.instances().delete(si.guid());
                events.audit("delete", actor(request), si, t.space, Map.of());
                events.usage(ServiceUsageEvent.DELETED, si, t.space);
            }
            case UPDATE -> {
                String planGuid = request.get("service_plan_guid") instanceof String p ? p : si.servicePlanGuid();
                @SuppressWarnings("unchecked")
                Map<String, Object> maintenance = request.get("maintenance_info") instanceof Map<?, ?> m
                        ? (Map<String, Object>) m : si.maintenanceInfo();
                String name = request.get("name") instanceof String n ? n : si.name();
                @SuppressWarnings("unchecked")
                List<String> tags = request.get("tags") instanceof List<?> l ? (List<String>) l : si.tags();
                var updated = new ServiceInstance(si.guid(), si.createdAt(), now, name, si.spaceGuid(), si.type(),
                        planGuid, tags, outcome.dashboardUrl() != null ? outcome.dashboardUrl() : si.dashboardUrl(),
                        maintenance, Map.of(), null, null, new LastOperation(UPDATE, "succeeded", description,
                        si.lastOperation().createdAt(), now), Polling.NONE, si.metadata());
                ctx.instances().update(updated);
                events.audit("update", actor(request), updated, t.space, audit(request));
                events.usage(ServiceUsageEvent.UPDATED, updated, t.space);
            }
            default -> {
                var created = new ServiceInstance(si.guid(), si.createdAt(), now, si.name(), si.spaceGuid(),
                        si.type(), si.servicePlanGuid(), si.tags(),
                        outcome.dashboardUrl() != null ? outcome.dashboardUrl() : si.dashboardUrl(),
                        si.maintenanceInfo(), Map.of(), null, null, new LastOperation(CREATE, "succeeded",
                        description, si.lastOperation().createdAt(), now), Polling.NONE, si.metadata());
                ctx.instances().update(created);
                events.audit("create", actor(request), created, t.space, audit(request));
            }
        }
    }

    private void fail(ServiceInstance si, String type, String description, Optional<Job> job, String action) {
        Instant now = ctx.now();
        Instant started = si.lastOperation() == null ? now : si.lastOperation().createdAt();
        save(si, new LastOperation(type, "failed", description, started, now), Polling.NONE);
        job.ifPresent(j -> ctx.jobs().fail(j.guid(), error(CfError.UnableToPerform, action,
                String.valueOf(description))));
    }

    /** The reference's orphan mitigation: one deprovision of what the failed provision may have created. */
    private void mitigateOrphan(ServiceInstance si, Target t) {
        try {
            ctx.brokers().deprovision(t.plan.endpoint(), si.guid(), t.plan.offeringCatalogId(), t.plan.catalogId(),
                    Optional.empty());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "orphan mitigation of service instance " + si.guid() + " failed: "
                    + e.getMessage());
        }
    }

    private BrokerOutcome fetchedDashboard(ServiceInstance si, Target t, BrokerOutcome outcome) {
        try {
            BrokerReply fetched = ctx.brokers().fetchInstance(t.plan.endpoint(), si.guid(), Optional.empty());
            if (fetched.is(200) && !fetched.malformed()) {
                return new BrokerOutcome(outcome.kind(), outcome.description(), null,
                        fetched.string("dashboard_url").orElse(null), false, Optional.empty(), fetched.body());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "fetching service instance " + si.guid() + " failed: " + e.getMessage());
        }
        return outcome;
    }

    private void save(ServiceInstance si, LastOperation op, Polling polling) {
        ctx.instances().update(si.withOperation(op, polling, ctx.now()));
    }

    private Target target(ServiceInstance si) {
        if (si.servicePlanGuid() == null) {
            return null;
        }
        var plan = ctx.plans().find(si.servicePlanGuid());
        var space = ctx.spaces().find(si.spaceGuid());
        if (plan.isEmpty() || space.isEmpty()) {
            return null;
        }
        Organization org = ctx.organizations().find(space.get().organizationGuid()).orElse(null);
        return new Target(plan.get(), space.get(), org);
    }

    private Map<String, Object> provisionBody(ServiceInstance si, Target t, Map<String, Object> request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service_id", t.plan.offeringCatalogId());
        body.put("plan_id", t.plan.catalogId());
        body.put("organization_guid", t.space.organizationGuid());
        body.put("space_guid", t.space.guid());
        Map<String, Object> context = context(si, t, si.name());
        context.put("instance_annotations", publicAnnotations(si.metadata()));
        body.put("context", context);
        if (request.get("parameters") instanceof Map<?, ?> p && !p.isEmpty()) {
            body.put("parameters", p);
        }
        if (!t.plan.maintenanceInfo().isEmpty()) {
            body.put("maintenance_info", t.plan.maintenanceInfo());
        }
        return body;
    }

    private Map<String, Object> updateBody(ServiceInstance si, Target t, Map<String, Object> request) {
        Map<String, Object> body = new LinkedHashMap<>();
        String planGuid = request.get("service_plan_guid") instanceof String p ? p : si.servicePlanGuid();
        var newPlan = ctx.plans().find(planGuid).orElse(t.plan);
        body.put("service_id", t.plan.offeringCatalogId());
        body.put("plan_id", newPlan.catalogId());
        Map<String, Object> previous = new LinkedHashMap<>();
        previous.put("plan_id", t.plan.catalogId());
        previous.put("service_id", t.plan.offeringCatalogId());
        previous.put("organization_id", t.space.organizationGuid());
        previous.put("space_id", t.space.guid());
        if (!si.maintenanceInfo().isEmpty()) {
            previous.put("maintenance_info", si.maintenanceInfo());
        }
        body.put("previous_values", previous);
        body.put("context", context(si, t, request.get("name") instanceof String n ? n : si.name()));
        if (request.get("parameters") instanceof Map<?, ?> p) {
            body.put("parameters", p);
        }
        if (request.get("maintenance_info") instanceof Map<?, ?> m) {
            body.put("maintenance_info", m);
        }
        return body;
    }

    private static Map<String, Object> context(ServiceInstance si, Target t, String name) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("platform", "cloudfoundry");
        context.put("organization_guid", t.space.organizationGuid());
        context.put("space_guid", t.space.guid());
        context.put("organization_name", t.org == null ? "" : t.org.name());
        context.put("space_name", t.space.name());
        context.put("organization_annotations", t.org == null ? Map.of() : publicAnnotations(t.org.metadata()));
        context.put("space_annotations", publicAnnotations(t.space.metadata()));
        context.put("instance_name", name);
        return context;
    }

    /** Annotations with a prefix ({@code example.com/key}), the only ones the reference sends to brokers. */
    private static Map<String, Object> publicAnnotations(Metadata metadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        metadata.annotations().forEach((k, v) -> {
            if (k.contains("/")) {
                out.put(k, v);
            }
        });
        return out;
    }

    static Optional<String> userGuid(Map<String, Object> request) {
        return request.get("actor") instanceof Map<?, ?> a && a.get("guid") instanceof String g
                ? Optional.of(g) : Optional.empty();
    }

    static AuditEvent.Actor actor(Map<String, Object> request) {
        if (request.get("actor") instanceof Map<?, ?> a) {
            return new AuditEvent.Actor(String.valueOf(a.get("guid")), "user",
                    a.get("name") == null ? "" : String.valueOf(a.get("name")));
        }
        return new AuditEvent.Actor("", "user", "");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> audit(Map<String, Object> request) {
        return request.get("audit") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String actionName(String type) {
        return switch (type) {
            case CREATE -> "provision";
            case UPDATE -> "update";
            default -> "deprovision";
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Job.JobError error(CfError kind, Object... args) {
        return new Job.JobError(kind.code(), kind.title(), kind.detail(args));
    }

    private record Target(OfferedPlans.OfferedPlan plan, Space space, Organization org) {
    }
}
