package dev.capi.domain.serviceinstances;

import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.fakes.AppFixture;
import dev.capi.domain.fakes.InMemoryJobs;
import dev.capi.domain.jobs.JobRunner;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.osbapi.BrokerEndpoint;
import dev.capi.domain.osbapi.BrokerSettings;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.usage.ServiceInstanceSnapshots;
import dev.capi.domain.usage.ServiceUsageEventRepository;
import dev.capi.domain.usage.ServiceUsageEvents;
import dev.capi.model.Job;
import dev.capi.model.Metadata;
import dev.capi.model.RoleType;
import dev.capi.model.ServiceUsageEvent;
import dev.capi.model.Space;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service instance use cases on in-memory ports: AppFixture's org "org", space "space" and users, a second space
 * "other" (where "dev" is developer too), a plan "plan" (free, public, shareable, instances retrievable, maximum
 * polling 60 s) of offering "offering" on broker "broker", a {@link FakeBroker}, a clock the test moves, and a job
 * worker to run the jobs.
 */
final class ServiceInstancesFixture {
    final AppFixture app = new AppFixture();
    final MovableClock clock = new MovableClock(app.now);
    final InMemoryServiceInstances instances = new InMemoryServiceInstances(app.spaces);
    final Map<String, OfferedPlans.OfferedPlan> plans = new HashMap<>();
    final FakeBroker broker = new FakeBroker();
    final InMemoryJobs jobRows = new InMemoryJobs();
    final List<ServiceUsageEvent> usage = new ArrayList<>();
    final Jobs jobs = new Jobs(jobRows, clock, app.guids);
    final ServiceInstanceContext ctx;
    final ServiceInstances serviceInstances;
    final UserProvidedInstances userProvided;
    final ManagedInstances managed;
    final ServiceInstanceSharing sharing;
    final ServiceInstancePoller poller;
    final JobRunner runner;
    final ServiceInstanceCleanup cleanup;
    /** What the instance's bindings answer when a delete unbinds them (empty: all gone), and who asked. */
    final List<String> unbindFailures = new ArrayList<>();
    final List<String> unbound = new ArrayList<>();

    ServiceInstancesFixture() {
        app.spaces.insert(new Space("other", app.now, app.now, "other", "org", false, true, null, null,
                Metadata.empty()));
        app.roles.space("dev", RoleType.SPACE_DEVELOPER, "org", "other");
        plans.put("plan", plan("plan", true, true, 60));
        var usageEvents = new ServiceUsageEvents(new UsageRows(), app.tx, clock, app.guids,
                ServiceInstanceSnapshots.none());
        var audit = new AuditEvents(app.audit, clock, app.guids);
        OfferedPlans offered = guid -> Optional.ofNullable(plans.get(guid));
        ctx = new ServiceInstanceContext(instances, offered, broker, app.spaces, app.orgs, app.metadata, audit,
                usageEvents, app.flags, jobs, app.quotaGuard, app.quotaScopes, app.tx, clock, app.guids,
                new BrokerSettings(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofDays(7)));
        var access = new ServiceInstanceAccess(instances, app.spaces, app.orgs);
        var events = new ServiceInstanceEvents(audit, usageEvents, app.orgs, offered);
        userProvided = new UserProvidedInstances(ctx, access, events);
        managed = new ManagedInstances(ctx, userProvided, events);
        serviceInstances = new ServiceInstances(ctx, access, userProvided, managed, events);
        sharing = new ServiceInstanceSharing(ctx, access);
        InstanceBindings bindings = (instance, actorGuid, actorName) -> {
            unbound.add(instance + " by " + actorGuid);
            return List.copyOf(unbindFailures);
        };
        var operations = new BrokerOperations(ctx, events, bindings);
        cleanup = new ServiceInstanceCleanup(instances, app.spaces, events, operations);
        poller = new ServiceInstancePoller(ctx, operations.polling());
        runner = new JobRunner(jobRows, app.tx, ServiceInstanceJobs.handlers(operations), clock);
    }

    static OfferedPlans.OfferedPlan plan(String guid, boolean free, boolean shareable, Integer maxPolling) {
        return new OfferedPlans.OfferedPlan(guid, guid + "-name", guid + "-id", free, true, true, true, maxPolling,
                Map.of("version", "1.0.0"), "offering", "offering-name", "offering-id", true, shareable, true, false,
                "broker", "broker-name", null, "AVAILABLE", new BrokerEndpoint("http://broker", "u", "p"), List.of());
    }

    ServiceInstanceCommands.CreateManaged createManaged(String name) {
        return new ServiceInstanceCommands.CreateManaged(name, "space", "plan", List.of("t"), Map.of("size", 1),
                null, Map.of("name", name, "parameters", Map.of("size", 1)));
    }

    /** Runs every queued job once. */
    void runJobs() {
        while (jobRows.runNext(runner)) {
            // next
        }
    }

    Job job(String guid) {
        return jobs.find(guid).orElseThrow();
    }

    List<String> usageStates(String instance) {
        return usage.stream().filter(e -> e.serviceInstanceGuid().equals(instance)).map(ServiceUsageEvent::state)
                .toList();
    }

    private final class UsageRows implements ServiceUsageEventRepository {
        @Override
        public void insert(ServiceUsageEvent event) {
            usage.add(event);
        }

        @Override
        public Page<ServiceUsageEvent> list(ListQuery query) {
            return new Page<>(usage, usage.size());
        }

        @Override
        public Optional<ServiceUsageEvent> find(String guid) {
            return usage.stream().filter(e -> e.guid().equals(guid)).findFirst();
        }

        @Override
        public void deleteAll() {
            usage.clear();
        }
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
