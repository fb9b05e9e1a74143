package dev.capi.domain.serviceinstances;

import dev.capi.model.Job;
import dev.capi.model.JobState;
import dev.capi.model.ServiceInstance;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.capi.domain.serviceinstances.FakeBroker.reply;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting a managed instance unbinds its bindings through the broker before the deprovision, as the reference does;
 * a binding not gone yet fails the delete job with the reference's message, and a space's deletion deprovisions its
 * managed instances and reports those that are not gone yet.
 */
class ManagedInstanceDeletionTest {
    private final ServiceInstancesFixture f = new ServiceInstancesFixture();

    private String created(String name) {
        f.broker.answer("provision", reply(201, Map.of()));
        String guid = f.managed.create(f.app.as("dev"), f.createManaged(name)).resourceGuid();
        f.runJobs();
        return guid;
    }

    @Test
    void theDeleteJobUnbindsTheBindingsAsTheDeleterThenDeprovisions() {
        String guid = created("a");
        Job job = f.serviceInstances.delete(f.app.as("dev"), guid).orElseThrow();
        f.runJobs();
        assertThat(f.unbound).containsExactly(guid + " by dev");
        assertThat(f.broker.calls).contains("deprovision " + guid);
        assertThat(f.instances.find(guid)).isEmpty();
        assertThat(f.job(job.guid()).state()).isEqualTo(JobState.COMPLETE);
    }

    @Test
    void aBindingNotGoneYetFailsTheDeleteWithoutDeprovisioning() {
        String guid = created("a");
        String message = "An operation for the service binding between app web and service instance a is in progress.";
        f.unbindFailures.add(message);
        f.unbindFailures.add("Service broker failed to delete service binding for instance a: boom");
        Job job = f.serviceInstances.delete(f.app.as("dev"), guid).orElseThrow();
        f.runJobs();

        Job failed = f.job(job.guid());
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.errors()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("CF-UnableToPerform");
            assertThat(e.code()).isEqualTo(10009);
            assertThat(e.detail()).isEqualTo("delete could not be completed: " + message);
        });
        ServiceInstance si = f.instances.find(guid).orElseThrow();
        assertThat(si.lastOperation().type()).isEqualTo("delete");
        assertThat(si.lastOperation().state()).isEqualTo("failed");
        assertThat(si.lastOperation().description()).isEqualTo(message);
        assertThat(f.broker.calls).doesNotContain("deprovision " + guid);
        assertThat(f.usageStates(guid)).containsExactly("CREATED");

        f.unbindFailures.clear();
        Job retried = f.serviceInstances.delete(f.app.as("dev"), guid).orElseThrow();
        f.runJobs();
        assertThat(f.job(retried.guid()).state()).as("the delete may be retried").isEqualTo(JobState.COMPLETE);
        assertThat(f.instances.find(guid)).isEmpty();
        assertThat(f.usageStates(guid)).containsExactly("CREATED", "DELETED");
    }

    @Test
    void aSpaceDeletionDeprovisionsItsManagedInstancesAndReportsThoseNotGoneYet() {
        String gone = created("gone");
        String async = created("async");
        String refused = created("refused");
        String busy = created("busy");
        f.instances.update(f.instances.find(busy).orElseThrow().withOperation(new ServiceInstance.LastOperation(
                "update", "in progress", null, f.app.now, f.app.now), ServiceInstance.Polling.NONE, f.app.now));
        f.broker.answer("deprovision", reply(200, Map.of()))
                .answer("deprovision", reply(202, Map.of("operation", "bye")))
                .answer("deprovision", reply(409, Map.of()));

        List<String> failures = f.app.tx.inTransaction(() -> f.cleanup.releaseSpaceContents("space"));

        assertThat(failures).containsExactlyInAnyOrder(
                "An operation for service instance async is in progress.",
                "Service instance refused: Resource conflict",
                "An operation for service instance busy is in progress.");
        assertThat(f.instances.find(gone)).isEmpty();
        assertThat(f.usageStates(gone)).containsExactly("CREATED", "DELETED");
        ServiceInstance deleting = f.instances.find(async).orElseThrow();
        assertThat(deleting.lastOperation().state()).isEqualTo("in progress");
        assertThat(f.job(deleting.polling().jobGuid()).state()).as("followed by its own delete job")
                .isEqualTo(JobState.POLLING);
        assertThat(f.instances.find(refused).orElseThrow().lastOperation().state()).isEqualTo("failed");
        assertThat(f.broker.calls).doesNotContain("deprovision " + busy);

        f.broker.answer("last_operation", reply(410, Map.of()));
        f.poller.pollDue();
        assertThat(f.instances.find(async)).isEmpty();
        assertThat(f.job(deleting.polling().jobGuid()).state()).isEqualTo(JobState.COMPLETE);
    }
}
