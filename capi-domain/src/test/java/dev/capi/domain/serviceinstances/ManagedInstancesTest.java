package dev.capi.domain.serviceinstances;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.osbapi.BrokerUnreachable;
import dev.capi.model.Job;
import dev.capi.model.JobState;
import dev.capi.model.ServiceInstance;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.capi.domain.serviceinstances.FakeBroker.malformed;
import static dev.capi.domain.serviceinstances.FakeBroker.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Managed instances against a fake broker: every answer the reference distinguishes, polling, orphan mitigation. */
class ManagedInstancesTest {
    private final ServiceInstancesFixture f = new ServiceInstancesFixture();

    private Job create(String name) {
        return f.managed.create(f.app.as("dev"), f.createManaged(name));
    }

    private ServiceInstance instance(Job job) {
        return f.instances.find(job.resourceGuid()).orElseThrow();
    }

    @Test
    void aSynchronousProvisionSucceedsInTheJob() {
        f.broker.answer("provision", reply(201, Map.of("dashboard_url", "https://dash")));
        Job job = create("db");
        ServiceInstance before = instance(job);
        assertThat(before.lastOperation().type()).isEqualTo("create");
        assertThat(before.lastOperation().state()).isEqualTo("initial");
        f.runJobs();
        ServiceInstance si = instance(job);
        assertThat(si.lastOperation().state()).isEqualTo("succeeded");
        assertThat(si.dashboardUrl()).isEqualTo("https://dash");
        assertThat(si.polling()).isEqualTo(ServiceInstance.Polling.NONE);
        assertThat(f.job(job.guid()).state()).isEqualTo(JobState.COMPLETE);
        Map<String, Object> body = f.broker.bodies.get(0);
        assertThat(body).containsEntry("service_id", "offering-id").containsEntry("plan_id", "plan-id")
                .containsEntry("organization_guid", "org").containsEntry("space_guid", "space")
                .containsEntry("parameters", Map.of("size", 1))
                .containsEntry("maintenance_info", Map.of("version", "1.0.0"));
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) body.get("context");
        assertThat(context).containsEntry("platform", "cloudfoundry").containsEntry("instance_name", "db")
                .containsEntry("space_name", "dev").containsEntry("organization_name", "org");
        assertThat(f.app.auditTypes()).containsExactly("audit.service_instance.create");
        assertThat(f.usageStates(si.guid())).containsExactly("CREATED");
    }

    @Test
    void anAsynchronousProvisionIsPolledAtOnceThenHonoursRetryAfterUntilItSucceeds() {
        f.broker.answer("provision", reply(202, Map.of("operation", "op1")))
                .answer("last_operation", reply(200, Map.of("state", "in progress", "description", "50%"),
                        Duration.ofSeconds(30)))
                .answer("last_operation", reply(200, Map.of("state", "succeeded", "description", "done")))
                .answer("fetch", reply(200, Map.of("dashboard_url", "https://later")));
        Job job = create("db");
        f.runJobs();
        assertThat(f.job(job.guid()).state()).isEqualTo(JobState.POLLING);
        ServiceInstance polling = instance(job);
        assertThat(polling.lastOperation().state()).isEqualTo("in progress");
        assertThat(polling.polling().nextPollAt()).isEqualTo(f.clock.instant());
        assertThat(polling.polling().pollDeadline()).isEqualTo(f.clock.instant().plusSeconds(60));
        assertThat(f.app.auditTypes()).containsExactly("audit.service_instance.start_create");

        assertThat(f.poller.pollDue()).isEqualTo(1);
        ServiceInstance progressing = instance(job);
        assertThat(progressing.lastOperation().description()).isEqualTo("50%");
        assertThat(progressing.polling().nextPollAt()).isEqualTo(f.clock.instant().plusSeconds(30));
        f.clock.advance(Duration.ofSeconds(29));
        assertThat(f.poller.pollDue()).isZero();
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.poller.pollDue()).isEqualTo(1);

        ServiceInstance done = instance(job);
        assertThat(done.lastOperation().state()).isEqualTo("succeeded");
        assertThat(done.lastOperation().description()).isEqualTo("done");
        assertThat(done.dashboardUrl()).isEqualTo("https://later");
        assertThat(done.polling().nextPollAt()).isNull();
        assertThat(f.job(job.guid()).state()).isEqualTo(JobState.COMPLETE);
        assertThat(f.broker.calls).containsExactly("provision " + done.guid(),
                "last_operation " + done.guid() + " op=op1", "last_operation " + done.guid() + " op=op1",
                "fetch " + done.guid());
        assertThat(f.app.auditTypes()).containsExactly("audit.service_instance.start_create",
                "audit.service_instance.create");
    }

    @Test
    void aBrokerErrorFailsTheCreateKeepsTheInstanceAndMitigatesTheOrphan() {
        f.broker.answer("provision", reply(500, Map.of("description", "boom")));
        Job job = create("db");
        f.runJobs();
        ServiceInstance si = instance(job);
        assertThat(si.lastOperation().type()).isEqualTo("create");
        assertThat(si.lastOperation().state()).isEqualTo("failed");
        assertThat(si.lastOperation().description()).isEqualTo("Service broker error: boom");
        Job failed = f.job(job.guid());
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.errors()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("CF-UnableToPerform");
            assertThat(e.detail()).isEqualTo("provision could not be completed: Service broker error: boom");
        });
        assertThat(f.broker.calls).containsExactly("provision " + si.guid(), "deprovision " + si.guid());
        assertThat(f.serviceInstances.get(f.app.as("dev"), si.guid()).lastOperation().state()).isEqualTo("failed");
    }

    @Test
    void aTimeoutAndAMalformedCreatedAnswerAreMitigatedButA422AndAMalformed200AreNot() {
        f.broker.answer("provision", new BrokerUnreachable("timed out", true, null));
        Job timedOut = create("a");
        f.runJobs();
        assertThat(instance(timedOut).lastOperation().description())
                .isEqualTo("The request to the service broker timed out: http://broker");
        f.broker.answer("provision", malformed(201));
        Job malformed201 = create("b");
        f.runJobs();
        f.broker.answer("provision", malformed(200));
        Job malformed200 = create("c");
        f.runJobs();
        f.broker.answer("provision", reply(422, Map.of("error", "AsyncRequired")));
        Job asyncRequired = create("d");
        f.runJobs();
        assertThat(instance(asyncRequired).lastOperation().description())
                .isEqualTo("This service plan requires client support for asynchronous service operations.");
        assertThat(f.broker.calls.stream().filter(c -> c.startsWith("deprovision")).toList()).containsExactly(
                "deprovision " + timedOut.resourceGuid(), "deprovision " + malformed201.resourceGuid());
        for (Job j : List.of(timedOut, malformed201, malformed200, asyncRequired)) {
            assertThat(f.job(j.guid()).state()).isEqualTo(JobState.FAILED);
            assertThat(instance(j).lastOperation().state()).isEqualTo("failed");
        }
    }

    @Test
    void anAsynchronousFailureFailsTheJobWithTheBrokersDescription() {
        f.broker.answer("provision", reply(202, Map.of()))
                .answer("last_operation", reply(200, Map.of("state", "failed", "description", "no capacity")));
        Job job = create("db");
        f.runJobs();
        f.poller.pollDue();
        assertThat(instance(job).lastOperation().state()).isEqualTo("failed");
        assertThat(instance(job).lastOperation().description()).isEqualTo("no capacity");
        assertThat(f.job(job.guid()).state()).isEqualTo(JobState.FAILED);
        assertThat(f.job(job.guid()).errors().get(0).detail())
                .isEqualTo("create managed could not be completed: no capacity");
    }

    @Test
    void aBrokerThatNeverFinishesIsAbandonedAfterThePlansMaximumPollingDuration() {
        f.broker.answer("provision", reply(202, Map.of()));
        for (int i = 0; i < 20; i++) {
            f.broker.answer("last_operation", reply(200, Map.of("state", "in progress")));
        }
        Job job = create("db");
        f.runJobs();
        for (int i = 0; i < 20 && f.job(job.guid()).state() == JobState.POLLING; i++) {
            f.poller.pollDue();
            f.clock.advance(Duration.ofSeconds(5));
        }
        ServiceInstance si = instance(job);
        assertThat(si.lastOperation().state()).isEqualTo("failed");
        assertThat(si.lastOperation().description())
                .isEqualTo("Service Broker failed to provision within the required time.");
        assertThat(f.job(job.guid()).errors().get(0).title()).isEqualTo("CF-JobTimeout");
        long polls = f.broker.calls.stream().filter(c -> c.startsWith("last_operation")).count();
        assertThat(polls).isBetween(11L, 13L);
        assertThat(f.broker.calls).last().isEqualTo("deprovision " + si.guid());
    }

    @Test
    void unreachableBrokersAndOddAnswersKeepPolling() {
        f.broker.answer("provision", reply(202, Map.of()))
                .answer("last_operation", new BrokerUnreachable("down", false, null))
                .answer("last_operation", reply(500, Map.of()))
                .answer("last_operation", reply(200, Map.of("state", "succeeded")))
                .answer("fetch", reply(200, Map.of()));
        Job job = create("db");
        f.runJobs();
        for (int i = 0; i < 3; i++) {
            f.poller.pollDue();
            f.clock.advance(Duration.ofSeconds(5));
        }
        assertThat(instance(job).lastOperation().state()).isEqualTo("succeeded");
        assertThat(f.job(job.guid()).state()).isEqualTo(JobState.COMPLETE);
    }

    @Test
    void deletesSynchronouslyOrByPollingUntilGone() {
        f.broker.answer("provision", reply(201, Map.of())).answer("provision", reply(201, Map.of()));
        String sync = create("a").resourceGuid();
        String async = create("b").resourceGuid();
        f.runJobs();
        f.broker.answer("deprovision", reply(200, Map.of()))
                .answer("deprovision", reply(202, Map.of("operation", "del")))
                .answer("last_operation", reply(410, Map.of()));
        Job first = f.serviceInstances.delete(f.app.as("dev"), sync).orElseThrow();
        Job second = f.serviceInstances.delete(f.app.as("dev"), async).orElseThrow();
        f.runJobs();
        assertThat(f.instances.find(sync)).isEmpty();
        assertThat(f.job(first.guid()).state()).isEqualTo(JobState.COMPLETE);
        assertThat(f.instances.find(async).orElseThrow().lastOperation().type()).isEqualTo("delete");
        assertThat(f.job(second.guid()).state()).isEqualTo(JobState.POLLING);
        f.poller.pollDue();
        assertThat(f.instances.find(async)).isEmpty();
        assertThat(f.job(second.guid()).state()).isEqualTo(JobState.COMPLETE);
        assertThat(f.usageStates(sync)).containsExactly("CREATED", "DELETED");
        assertThat(f.app.auditTypes()).contains("audit.service_instance.start_delete",
                "audit.service_instance.delete");
    }

    @Test
    void aFailedDeprovisionKeepsTheInstanceWithDeleteFailed() {
        f.broker.answer("provision", reply(201, Map.of())).answer("deprovision", reply(409, Map.of()));
        String guid = create("a").resourceGuid();
        f.runJobs();
        Job job = f.serviceInstances.delete(f.app.as("dev"), guid).orElseThrow();
        f.runJobs();
        ServiceInstance si = f.instances.find(guid).orElseThrow();
        assertThat(si.lastOperation().type()).isEqualTo("delete");
        assertThat(si.lastOperation().state()).isEqualTo("failed");
        assertThat(si.lastOperation().description()).isEqualTo("Service instance a: Resource conflict");
        assertThat(f.job(job.guid()).state()).isEqualTo(JobState.FAILED);
    }

    @Test
    void updatesThePlanThroughTheBrokerAndTagsWithoutIt() {
        f.plans.put("plan2", ServiceInstancesFixture.plan("plan2", true, true, 60));
        f.broker.answer("provision", reply(201, Map.of()));
        String guid = create("a").resourceGuid();
        f.runJobs();
        var tagsOnly = f.serviceInstances.update(f.app.as("dev"), guid, new ServiceInstanceCommands.Update(
                Set.of("tags"), null, List.of("x"), null, null, null, null, null, null, null, Map.of()));
        assertThat(tagsOnly.job()).isNull();
        assertThat(tagsOnly.instance().tags()).containsExactly("x");
        assertThat(f.broker.calls).doesNotContain("update " + guid);

        f.broker.answer("update", reply(202, Map.of("operation", "u1")))
                .answer("last_operation", reply(200, Map.of("state", "succeeded")));
        var planChange = f.serviceInstances.update(f.app.as("dev"), guid, new ServiceInstanceCommands.Update(
                Set.of("relationships"), null, null, null, null, null, "plan2", null, null, null, Map.of()));
        assertThat(planChange.job()).isNotNull();
        assertThatThrownBy(() -> f.serviceInstances.update(f.app.as("dev"), guid, new ServiceInstanceCommands.Update(
                Set.of("tags"), null, List.of("y"), null, null, null, null, null, null, null, Map.of())))
                .isInstanceOf(CfException.class).hasMessageContaining("in progress");
        f.runJobs();
        assertThat(f.instances.find(guid).orElseThrow().servicePlanGuid()).isEqualTo("plan");
        f.poller.pollDue();
        ServiceInstance si = f.instances.find(guid).orElseThrow();
        assertThat(si.servicePlanGuid()).isEqualTo("plan2");
        assertThat(si.lastOperation().type()).isEqualTo("update");
        assertThat(si.lastOperation().state()).isEqualTo("succeeded");
        assertThat(f.job(planChange.job().guid()).state()).isEqualTo(JobState.COMPLETE);
        @SuppressWarnings("unchecked")
        Map<String, Object> previous = (Map<String, Object>) f.broker.bodies.get(1).get("previous_values");
        assertThat(f.broker.bodies.get(1)).containsEntry("plan_id", "plan2-id");
        assertThat(previous).containsEntry("plan_id", "plan-id");
        assertThat(f.usageStates(guid)).containsExactly("CREATED", "UPDATED");
    }

    @Test
    void refusesPlansThatAreMissingInvisibleOrOfAnotherOfferingAndMaintenanceInfoThatDoesNotMatch() {
        var missing = new ServiceInstanceCommands.CreateManaged("x", "space", "nope", null, null, null, Map.of());
        assertThatThrownBy(() -> f.managed.create(f.app.as("dev"), missing)).hasMessageEndingWith(ManagedInstances.INVALID_PLAN);
        var hidden = new OfferedPlans.OfferedPlan("hidden", "hidden", "h", true, true, false, true, null, Map.of(),
                "offering", "offering-name", "offering-id", true, true, true, false, "broker", "b", null, null,
                f.plans.get("plan").endpoint(), List.of());
        f.plans.put("hidden", hidden);
        var invisible = new ServiceInstanceCommands.CreateManaged("x", "space", "hidden", null, null, null, Map.of());
        assertThatThrownBy(() -> f.managed.create(f.app.as("dev"), invisible))
                .hasMessageEndingWith(ManagedInstances.INVALID_PLAN);
        assertThatThrownBy(() -> f.managed.create(f.app.admin(), invisible))
                .hasMessageContaining("is not enabled in this organization");
        assertThat(f.instances.list(dev.capi.domain.query.ListQuery.all()).resources()).isEmpty();

        f.broker.answer("provision", reply(201, Map.of()));
        String guid = create("a").resourceGuid();
        f.runJobs();
        var wrongVersion = new ServiceInstanceCommands.Update(Set.of("maintenance_info"), null, null, null, null,
                null, null, null, Map.of("version", "9.9.9"), null, Map.of());
        assertThatThrownBy(() -> f.serviceInstances.update(f.app.as("dev"), guid, wrongVersion))
                .hasMessageContaining("maintenance_info.version requested is invalid");
        f.plans.put("other-offering", new OfferedPlans.OfferedPlan("other-offering", "o", "o", true, true, true,
                true, null, Map.of(), "offering2", "n", "i", true, true, true, false, "broker", "b", null, null,
                f.plans.get("plan").endpoint(), List.of()));
        var otherOffering = new ServiceInstanceCommands.Update(Set.of("relationships"), null, null, null, null, null,
                "other-offering", null, null, null, Map.of());
        assertThatThrownBy(() -> f.serviceInstances.update(f.app.as("dev"), guid, otherOffering))
                .hasMessageEndingWith("service plan relates to a different service offering");
        var credentials = new ServiceInstanceCommands.Update(Set.of("credentials"), null, null, Map.of(), null,
                null, null, null, null, null, Map.of());
        assertThatThrownBy(() -> f.serviceInstances.update(f.app.as("dev"), guid, credentials))
                .hasMessageEndingWith("Unknown field(s): 'credentials'");
    }

    @Test
    void aFailedCreateIsReplacedByANewCreateOfTheSameName() {
        f.broker.answer("provision", reply(500, Map.of())).answer("provision", reply(201, Map.of()));
        String failed = create("db").resourceGuid();
        f.runJobs();
        String second = create("db").resourceGuid();
        f.runJobs();
        assertThat(f.instances.find(failed)).isEmpty();
        assertThat(f.instances.find(second).orElseThrow().lastOperation().state()).isEqualTo("succeeded");
    }

    @Test
    void maintenanceInfoUpgradesGoThroughTheBroker() {
        f.broker.answer("provision", reply(201, Map.of()));
        String guid = create("a").resourceGuid();
        f.runJobs();
        f.plans.put("plan", ServiceInstancesFixture.plan("plan", true, true, 60));
        var upgraded = new OfferedPlans.OfferedPlan("plan", "plan-name", "plan-id", true, true, true, true, 60,
                Map.of("version", "2.0.0"), "offering", "offering-name", "offering-id", true, true, true, false,
                "broker", "broker-name", null, "AVAILABLE", f.plans.get("plan").endpoint(), List.of());
        f.plans.put("plan", upgraded);
        f.broker.answer("update", reply(200, Map.of()));
        var upgrade = f.serviceInstances.update(f.app.as("dev"), guid, new ServiceInstanceCommands.Update(
                Set.of("maintenance_info"), null, null, null, null, null, null, null, Map.of("version", "2.0.0"),
                null, Map.of()));
        f.runJobs();
        assertThat(f.job(upgrade.job().guid()).state()).isEqualTo(JobState.COMPLETE);
        assertThat(f.instances.find(guid).orElseThrow().maintenanceInfo()).containsEntry("version", "2.0.0");
        assertThat(f.broker.bodies.get(1)).containsEntry("maintenance_info", Map.of("version", "2.0.0"));
    }
}
