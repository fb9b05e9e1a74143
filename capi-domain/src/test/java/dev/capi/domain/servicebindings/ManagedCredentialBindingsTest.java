package dev.capi.domain.servicebindings;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.osbapi.BrokerUnreachable;
import dev.capi.model.BindingOperation;
import dev.capi.model.JobState;
import dev.capi.model.ServiceCredentialBinding;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.capi.domain.fakes.FakeBrokerClient.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bindings and keys of managed instances go through the broker in jobs: synchronous and asynchronous binds, the
 * poller following last_operation, failures kept visible as {@code create failed} with orphan mitigation, the
 * maximum polling duration, and asynchronous unbinds.
 */
class ManagedCredentialBindingsTest {
    private final BindingTestbed t = new BindingTestbed();

    @Test
    void aSynchronousBindCompletesTheJobWithTheBrokersCredentials() {
        t.managed("si", false, null);
        var created = t.create.create(t.dev(), t.appBinding("si", Map.of("size", "large")));
        assertThat(created.job().operation()).isEqualTo("service_bindings.create");
        assertThat(created.binding().lastOperation().state()).isEqualTo(BindingOperation.INITIAL);

        t.runJobs();

        ServiceCredentialBinding bound = t.rows.credentials.find(created.binding().guid()).orElseThrow();
        assertThat(bound.lastOperation().is("create", "succeeded")).isTrue();
        assertThat(bound.credentials()).containsEntry("uri", "db://" + bound.guid());
        assertThat(t.state(created.job())).isEqualTo(JobState.COMPLETE);
        Map<String, Object> body = t.broker.bindBodies.get(0);
        assertThat(body).containsEntry("service_id", "offering-id").containsEntry("plan_id", "plan-id")
                .containsEntry("app_guid", "app").containsEntry("parameters", Map.of("size", "large"));
        assertThat(body.get("bind_resource")).isEqualTo(Map.of("app_guid", "app", "space_guid", "space"));
        assertThat(((Map<?, ?>) body.get("context")).get("platform")).isEqualTo("cloudfoundry");
        assertThat(t.rows.credentials.request(bound.guid()).orElseThrow().parameters()).as("sent once, forgotten")
                .isNull();
        assertThat(t.f.auditTypes()).containsExactly("audit.service_binding.create");
    }

    @Test
    void anAsynchronousBindIsPolledUntilTheBrokerSucceedsThenFetched() {
        t.managed("si", true, null);
        t.broker.then("bind", reply(202, Map.of("operation", "op-1")))
                .then("bindingLastOperation", reply(200, Map.of("state", "in progress", "description", "50%"),
                        Duration.ofSeconds(7)), reply(200, Map.of("state", "succeeded")));
        var created = t.create.create(t.dev(), t.appBinding("si", null));
        String guid = created.binding().guid();

        t.runJobs();
        assertThat(t.state(created.job())).isEqualTo(JobState.POLLING);
        assertThat(t.rows.credentials.find(guid).orElseThrow().lastOperation().is("create", "in progress")).isTrue();
        assertThat(t.f.auditTypes()).containsExactly("audit.service_binding.start_create");

        assertThat(t.poller.pollDue()).as("the first poll is at once").isEqualTo(1);
        var polled = t.rows.credentials.find(guid).orElseThrow();
        assertThat(polled.lastOperation().description()).isEqualTo("50%");
        assertThat(polled.brokerOperation()).isEqualTo("op-1");
        t.clock.advance(Duration.ofSeconds(6));
        assertThat(t.poller.pollDue()).as("Retry-After 7 s is honoured").isZero();
        t.clock.advance(Duration.ofSeconds(1));
        assertThat(t.poller.pollDue()).isEqualTo(1);

        var bound = t.rows.credentials.find(guid).orElseThrow();
        assertThat(bound.lastOperation().is("create", "succeeded")).isTrue();
        assertThat(bound.credentials()).containsEntry("uri", "db://fetched");
        assertThat(t.state(created.job())).isEqualTo(JobState.COMPLETE);
        assertThat(t.broker.calls).contains("fetchBinding " + guid);
        assertThat(t.f.auditTypes()).containsExactly("audit.service_binding.start_create",
                "audit.service_binding.create");
        assertThat(t.poller.pollDue()).as("nothing left to poll").isZero();
    }

    @Test
    void aBrokerErrorLeavesTheBindingCreateFailedSendsOrphanMitigationAndFailsTheJob() {
        t.managed("si", false, null);
        t.broker.then("bind", reply(500, Map.of("description", "disk full")));
        var created = t.create.create(t.dev(), t.appBinding("si", null));
        String guid = created.binding().guid();

        t.runJobs();
        var failed = t.rows.credentials.find(guid).orElseThrow();
        assertThat(failed.lastOperation().is("create", "failed")).isTrue();
        assertThat(failed.lastOperation().description()).isEqualTo("Service broker error: disk full");
        assertThat(t.broker.calls).containsExactly("bind " + guid, "unbind " + guid);

        t.poller.pollDue();
        var job = t.job(created.job().guid());
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.errors().get(0).title()).isEqualTo("CF-UnableToPerform");
        assertThat(job.errors().get(0).detail()).isEqualTo("bind could not be completed: Service broker error: "
                + "disk full");

        var again = t.create.create(t.dev(), t.appBinding("si", null));
        assertThat(again.binding().guid()).as("a failed binding makes way for a new one").isNotEqualTo(guid);
        assertThat(t.rows.credentials.find(guid)).isEmpty();
    }

    @Test
    void aTimedOutBindIsMitigatedAndAConflictIsNot() {
        t.managed("si", false, null);
        t.broker.then("bind", new BrokerUnreachable("timed out", true, null));
        String timedOut = t.create.create(t.dev(), t.appBinding("si", null)).binding().guid();
        t.runJobs();
        assertThat(t.rows.credentials.find(timedOut).orElseThrow().lastOperation().description())
                .isEqualTo("The request to the service broker timed out: http://broker");
        assertThat(t.broker.count("unbind")).isEqualTo(1);

        t.broker.then("bind", reply(409, Map.of()));
        String conflicted = t.create.create(t.dev(), t.appBinding("si", null)).binding().guid();
        t.runJobs();
        assertThat(t.rows.credentials.find(conflicted).orElseThrow().lastOperation().description())
                .isEqualTo("Resource conflict");
        assertThat(t.broker.count("unbind")).isEqualTo(1);
    }

    @Test
    void aBrokerThatNeverFinishesIsAbandonedAfterThePlansMaximumPollingDuration() {
        t.managed("si", true, 30);
        t.broker.then("bind", reply(202, Map.of()));
        for (int i = 0; i < 20; i++) {
            t.broker.then("bindingLastOperation", reply(200, Map.of("state", "in progress")));
        }
        var created = t.create.create(t.dev(), t.appBinding("si", null));
        t.runJobs();
        t.poller.pollDue();
        t.clock.advance(Duration.ofSeconds(31));
        t.poller.pollDue();

        var abandoned = t.rows.credentials.find(created.binding().guid()).orElseThrow();
        assertThat(abandoned.lastOperation().is("create", "failed")).isTrue();
        assertThat(abandoned.lastOperation().description())
                .isEqualTo("Service Broker failed to bind within the required time.");
        assertThat(t.job(created.job().guid()).errors().get(0).title()).isEqualTo("CF-JobTimeout");
        assertThat(t.broker.count("unbind")).as("orphan mitigation").isEqualTo(1);
    }

    @Test
    void anAsyncBindTheBrokerCannotFetchFails() {
        t.managed("si", false, null);
        t.broker.then("bind", reply(202, Map.of()));
        var created = t.create.create(t.dev(), t.appBinding("si", null));
        t.runJobs();
        t.poller.pollDue();
        assertThat(t.job(created.job().guid()).errors().get(0).detail()).isEqualTo("bind could not be completed: "
                + "The broker responded asynchronously but does not support fetching binding data");
    }

    @Test
    void aLastOperationFailedEndsTheBindingAndTheJob() {
        t.managed("si", true, null);
        t.broker.then("bind", reply(202, Map.of()))
                .then("bindingLastOperation", reply(200, Map.of("state", "failed", "description", "no quota")));
        var created = t.create.create(t.dev(), t.appBinding("si", null));
        t.runJobs();
        t.poller.pollDue();
        var failed = t.rows.credentials.find(created.binding().guid()).orElseThrow();
        assertThat(failed.lastOperation().is("create", "failed")).isTrue();
        assertThat(t.job(created.job().guid()).errors().get(0).detail())
                .isEqualTo("bind could not be completed: no quota");
    }

    @Test
    void anAsynchronousUnbindRemovesTheBindingOnceTheBrokerIsDone() {
        t.managed("si", false, null);
        var created = t.create.create(t.dev(), t.appBinding("si", null));
        t.runJobs();
        String guid = created.binding().guid();
        t.broker.then("unbind", reply(202, Map.of("operation", "bye")))
                .then("bindingLastOperation", reply(410, Map.of()));

        var job = t.bindings.delete(t.dev(), guid).orElseThrow();
        assertThat(job.operation()).isEqualTo("service_bindings.delete");
        t.runJobs();
        assertThat(t.rows.credentials.find(guid).orElseThrow().lastOperation().is("delete", "in progress")).isTrue();
        assertThatThrownBy(() -> t.bindings.delete(t.dev(), guid)).isInstanceOf(CfException.class)
                .hasMessageContaining("There is an operation in progress for the service binding.");

        t.poller.pollDue();
        assertThat(t.rows.credentials.find(guid)).isEmpty();
        assertThat(t.state(job)).isEqualTo(JobState.COMPLETE);
        assertThat(t.f.auditTypes()).containsExactly("audit.service_binding.create",
                "audit.service_binding.start_delete", "audit.service_binding.delete");
    }

    @Test
    void aFailedUnbindKeepsTheBindingAsDeleteFailed() {
        t.managed("si", false, null);
        var created = t.create.create(t.dev(), t.appBinding("si", null));
        t.runJobs();
        t.broker.then("unbind", reply(500, Map.of()));
        var job = t.bindings.delete(t.dev(), created.binding().guid()).orElseThrow();
        t.runJobs();
        t.poller.pollDue();
        var kept = t.rows.credentials.find(created.binding().guid()).orElseThrow();
        assertThat(kept.lastOperation().is("delete", "failed")).isTrue();
        assertThat(kept.lastOperation().description()).startsWith("Service broker failed to delete service binding "
                + "for instance db: The service broker returned an invalid response. Status Code: 500");
        assertThat(t.job(job.guid()).errors().get(0).detail()).startsWith("unbind could not be completed: ");
    }

    @Test
    void keysAreCreatedThroughTheBrokerAndShowTheirCredentialsInDetails() {
        t.managed("si", true, null);
        var created = t.create.create(t.dev(), new BindingCommands.CreateCredential("key", "k1", "si", null, null,
                null, null, Map.of()));
        assertThat(created.job().operation()).isEqualTo("service_keys.create");
        t.runJobs();
        var key = t.bindings.details(t.dev(), created.binding().guid());
        assertThat(key.type()).isEqualTo("key");
        assertThat(key.credentials()).containsKey("uri");
        assertThat(t.broker.bindBodies.get(0)).doesNotContainKey("app_guid");
        assertThat(t.bindings.parameters(t.dev(), key.guid())).isEqualTo(Map.of("size", "small"));
        assertThatThrownBy(() -> t.create.create(t.dev(), new BindingCommands.CreateCredential("key", "k1", "si",
                null, null, null, null, Map.of()))).hasMessageContaining("already has a key binding with name 'k1'");
        assertThatThrownBy(() -> t.bindings.details(t.f.as("auditor"), key.guid()))
                .hasMessageContaining("Service credential binding not found");
        assertThat(t.f.auditTypes()).containsExactly("audit.service_key.create", "audit.service_key.show");
    }

    @Test
    void unbindableOrBusyInstancesAreRefused() {
        var busy = t.managed("busy", false, null);
        t.rows.instanceRows.put("busy", new BindableInstance("busy", "db", "space", false, java.util.Map.of(), null,
                null, java.util.List.of(), "update", "in progress", java.util.List.of(), busy.plan()));
        assertThatThrownBy(() -> t.create.create(t.dev(), t.appBinding("busy", null)))
                .hasMessageContaining("There is an operation in progress for the service instance");
        assertThatThrownBy(() -> t.create.create(t.f.as("auditor"), t.appBinding("busy", null)))
                .hasMessageContaining("You are not authorized");
        assertThatThrownBy(() -> t.create.create(t.f.as("outsider"), t.appBinding("busy", null)))
                .hasMessageContaining("The service instance could not be found: 'busy'");
        assertThat(t.rows.credentials.all()).isEmpty();
    }
}
