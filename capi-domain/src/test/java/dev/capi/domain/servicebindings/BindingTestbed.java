package dev.capi.domain.servicebindings;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.fakes.AppFixture;
import dev.capi.domain.fakes.FakeBrokerClient;
import dev.capi.domain.fakes.InMemoryDomains;
import dev.capi.domain.fakes.InMemoryJobs;
import dev.capi.domain.fakes.InMemoryRouteDestinations;
import dev.capi.domain.fakes.InMemoryRoutes;
import dev.capi.domain.fakes.InMemoryServiceBindings;
import dev.capi.domain.jobs.JobRunner;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.osbapi.BrokerEndpoint;
import dev.capi.domain.osbapi.BrokerSettings;
import dev.capi.model.Job;
import dev.capi.model.JobState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The binding use cases on in-memory ports ({@link AppFixture}'s org, space, users and app "app"), a scriptable broker,
 * a clock tests move forward, the real job worker and the poller.
 */
final class BindingTestbed {
    /** A clock that stays put until a test moves it. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

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

    final AppFixture f = new AppFixture();
    final MovableClock clock = new MovableClock();
    final InMemoryServiceBindings rows = new InMemoryServiceBindings();
    final FakeBrokerClient broker = new FakeBrokerClient();
    final InMemoryJobs jobRows = new InMemoryJobs();
    final Jobs jobs = new Jobs(jobRows, clock, f.guids);
    final InMemoryDomains domains = new InMemoryDomains();
    final InMemoryRoutes routes = new InMemoryRoutes(domains, f.spaces, new InMemoryRouteDestinations());
    final BindingContext context = new BindingContext(rows.credentials, rows.routes, rows.instances, f.apps, routes,
            domains, f.spaces, f.orgs, f.metadataRows, f.metadata, new AuditEvents(f.audit, clock, f.guids), jobs,
            f.tx, clock, f.guids, broker, BrokerSettings.defaults().withPollInterval(Duration.ofSeconds(5)),
            f.quotaGuard, f.quotaScopes);
    final CredentialBindingCreate create = new CredentialBindingCreate(context);
    final CredentialBindings bindings = new CredentialBindings(context);
    final RouteBindings routeBindings = new RouteBindings(context, true);
    final BindingPoller poller = new BindingPoller(context);
    final JobRunner runner = new JobRunner(jobRows, f.tx, BindingJobs.all(context), clock);

    BindingTestbed() {
        f.app("app", null);
    }

    Permissions dev() {
        return f.as("dev");
    }

    /** A managed instance "db" in the space whose plan allows bindings; {@code maxPolling} may be null. */
    BindableInstance managed(String guid, boolean retrievable, Integer maxPolling, String... requires) {
        var plan = new BindableInstance.ManagedPlan("plan-guid", "plan-id", "small", "offering-guid", "offering-id",
                "tck-db", true, retrievable, List.of(requires), maxPolling,
                new BrokerEndpoint("http://broker", "user", "secret"));
        var instance = new BindableInstance(guid, "db", "space", false, Map.of(), null, null, List.of("mine"),
                "create", "succeeded", List.of(), plan);
        rows.instanceRows.put(guid, instance);
        return instance;
    }

    BindableInstance userProvided(String guid, String routeServiceUrl) {
        var instance = new BindableInstance(guid, "ups", "space", true, Map.of("uri", "ups://x"), "syslog://drain",
                routeServiceUrl, List.of("t"), "create", "succeeded", List.of(), null);
        rows.instanceRows.put(guid, instance);
        return instance;
    }

    BindingCommands.CreateCredential appBinding(String instance, Map<String, Object> parameters) {
        return new BindingCommands.CreateCredential("app", "my-binding", instance, "app", parameters, null, null,
                Map.of());
    }

    Job job(String guid) {
        return jobRows.find(guid).orElseThrow();
    }

    JobState state(Job job) {
        return job(job.guid()).state();
    }

    void runJobs() {
        while (jobRows.runNext(runner)) {
            // run every queued job
        }
    }
}
