package dev.capi.domain.servicebindings;

import dev.capi.model.JobState;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.capi.domain.fakes.FakeBrokerClient.reply;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unbinding an instance's or an app's deletion starts with: a synchronous unbind removes the binding, an
 * asynchronous one leaves it {@code delete in progress} with a polling unbind job of its own, a refusal keeps it as
 * {@code delete failed}; each binding not gone yet yields the reference's message.
 */
class BindingRemovalTest {
    private final BindingTestbed t = new BindingTestbed();
    private final BindingRemoval removal = new BindingRemoval(t.context);

    private String bound(String instance) {
        var created = t.create.create(t.dev(), new BindingCommands.CreateCredential("app", "b-" + instance, instance,
                "app", null, null, null, Map.of()));
        t.runJobs();
        return created.binding().guid();
    }

    private String key(String instance, String name) {
        var created = t.create.create(t.dev(), new BindingCommands.CreateCredential("key", name, instance, null, null,
                null, null, Map.of()));
        t.runJobs();
        return created.binding().guid();
    }

    @Test
    void synchronousUnbindsRemoveEveryBindingOfTheInstanceAsTheDeleter() {
        t.managed("si", false, null);
        String app = bound("si");
        String key = key("si", "k");
        var failures = t.f.tx.inTransaction(() -> removal.unbindAll("si", "admin-guid", "admin"));
        assertThat(failures).isEmpty();
        assertThat(t.rows.credentials.find(app)).isEmpty();
        assertThat(t.rows.credentials.find(key)).isEmpty();
        assertThat(t.broker.calls).contains("unbind " + app, "unbind " + key);
        assertThat(t.f.auditTypes()).contains("audit.service_binding.delete", "audit.service_key.delete");
    }

    @Test
    void anAsynchronousUnbindIsFollowedByItsOwnJobAndReportedAsInProgress() {
        t.managed("si", false, null);
        String guid = bound("si");
        t.broker.then("unbind", reply(202, Map.of("operation", "later")))
                .then("bindingLastOperation", reply(200, Map.of("state", "succeeded")));
        var failures = t.f.tx.inTransaction(() -> removal.unbindAll("si", "admin-guid", "admin"));
        String app = t.f.apps.find("app").orElseThrow().name();
        assertThat(failures).containsExactly("An operation for the service binding between app " + app
                + " and service instance db is in progress.");
        assertThat(t.rows.credentials.find(guid).orElseThrow().lastOperation().is("delete", "in progress")).isTrue();
        var job = t.jobRows.all().stream().filter(j -> j.operation().equals("service_bindings.delete")).findFirst()
                .orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.POLLING);

        assertThat(t.f.tx.inTransaction(() -> removal.unbindAll("si", "admin-guid", "admin")))
                .as("a binding being deleted blocks a second attempt")
                .containsExactly("The delete request was rejected due to an operation being in progress for the "
                        + "service binding.");

        t.poller.pollDue();
        assertThat(t.rows.credentials.find(guid)).isEmpty();
        assertThat(t.state(job)).isEqualTo(JobState.COMPLETE);
    }

    @Test
    void aRefusedUnbindKeepsTheBindingAsDeleteFailedAndKeysAreNamedByTheirInstance() {
        t.managed("si", false, null);
        String guid = key("si", "k");
        t.broker.then("unbind", reply(500, Map.of()));
        var failures = t.f.tx.inTransaction(() -> removal.unbindAll("si", "admin-guid", "admin"));
        assertThat(failures).singleElement().asString().startsWith("Service broker failed to delete service binding "
                + "for instance db: The service broker returned an invalid response. Status Code: 500");
        var kept = t.rows.credentials.find(guid).orElseThrow();
        assertThat(kept.lastOperation().is("delete", "failed")).isTrue();

        t.broker.then("unbind", reply(202, Map.of()));
        assertThat(t.f.tx.inTransaction(() -> removal.unbindAll("si", "admin-guid", "admin")))
                .containsExactly("An operation for a service binding of service instance db is in progress.");
    }

    @Test
    void anAppsDeletionUnbindsOnlyItsBindingsOfManagedInstances() {
        t.managed("si", false, null);
        t.userProvided("ups", null);
        String managed = bound("si");
        String provided = bound("ups");
        String key = key("si", "k");
        t.broker.then("unbind", reply(202, Map.of()));
        var failures = t.f.tx.inTransaction(() -> removal.unbindApp("app", null, null));
        assertThat(failures).hasSize(1);
        assertThat(t.rows.credentials.find(managed).orElseThrow().lastOperation().is("delete", "in progress"))
                .isTrue();
        assertThat(t.rows.credentials.find(provided)).as("left to the app's delete").isPresent();
        assertThat(t.rows.credentials.find(key).orElseThrow().lastOperation().is("create", "succeeded")).isTrue();
    }
}
