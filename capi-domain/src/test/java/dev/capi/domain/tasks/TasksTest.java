package dev.capi.domain.tasks;

import dev.capi.domain.apps.DropletLookup;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.AppFixture;
import dev.capi.domain.fakes.InMemoryTasks;
import dev.capi.model.AppProcess;
import dev.capi.model.DesiredState;
import dev.capi.model.Metadata;
import dev.capi.model.Task;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Task creation, reading, cancelling and the runtime's reports, on in-memory ports. */
class TasksTest {
    private final AppFixture f = new AppFixture();
    private final InMemoryTasks rows = new InMemoryTasks();
    private Tasks tasks;

    @BeforeEach
    void setUp() {
        tasks = new Tasks(rows, f.processes, f.access, f.events, f.flags, f.quotaScopes, f.quotaGuard, f.runtime,
                f.settings, f.metadata, f.tx, f.clock, f.guids, guid -> Optional.of(new DropletLookup.Droplet(guid,
                f.now, f.now, guid.startsWith("other") ? "other-app" : "app", "STAGED", Map.of())), f.appUsage,
                dev.capi.domain.apps.LaunchEnvironment.NONE);
        f.app("app", "d1");
    }

    private static Tasks.Create command(String command) {
        return new Tasks.Create(null, command, null, null, null, null, null, null);
    }

    private static void refused(ThrowingCallable call, CfError kind, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            if (detail != null) {
                assertThat(e.detail()).isEqualTo(detail);
            }
        });
    }

    @Test
    void aCreatedTaskRunsTheAppsCurrentDropletWithTheDefaultsAndNumbersPerApp() {
        Task first = tasks.create(f.as("dev"), "app", command("rake db:migrate"));
        Task second = tasks.create(f.as("dev"), "app", command("echo"));
        assertThat(first.state()).isEqualTo(Task.RUNNING);
        assertThat(first.dropletGuid()).isEqualTo("d1");
        assertThat(first.memoryInMb()).isEqualTo(f.settings.defaultMemoryInMb());
        assertThat(first.name()).matches("[0-9a-f]{8}");
        assertThat(first.sequenceId()).isEqualTo(1);
        assertThat(second.sequenceId()).isEqualTo(2);
        assertThat(f.runtime.taskRequests()).containsKeys(first.guid(), second.guid());
        assertThat(f.runtime.taskRequests().get(first.guid()).command()).isEqualTo("rake db:migrate");
        assertThat(f.auditTypes()).containsExactly("audit.app.task.create", "audit.app.task.create");
        assertThat(f.usageRows.all()).hasSize(2);
    }

    @Test
    void taskCannotBeCreatedWithoutADroplet() {
        f.app("bare", null);
        refused(() -> tasks.create(f.as("dev"), "bare", command("echo")), CfError.UnprocessableEntity,
                "Task must have a droplet. Specify droplet or assign current droplet to app.");
        assertThat(rows.list(null).resources()).isEmpty();
    }

    @Test
    void taskCannotBeCreatedWithoutACommandOrATemplate() {
        assertThat(command(null).problems()).containsExactly("Command can't be blank");
        refused(() -> tasks.create(f.as("dev"), "app", command(null)), CfError.UnprocessableEntity,
                "Command can't be blank");
        refused(() -> tasks.create(f.as("dev"), "app", command(" ")), CfError.UnprocessableEntity,
                "The request is semantically invalid: command presence");
    }

    @Test
    void aTemplateProcessLendsItsCommandAndResources() {
        f.processes.insert(new AppProcess("p1", f.now, f.now, "app", null, null, "worker", "run worker", null, 1,
                333, 444, 555, AppProcess.HealthCheck.of("port"), AppProcess.HealthCheck.of("process"),
                DesiredState.STOPPED, "v1", null, Metadata.empty()));
        Task t = tasks.create(f.as("dev"), "app", new Tasks.Create("n", null, 100L, null, null, null, "p1", null));
        assertThat(t.command()).isEqualTo("run worker");
        assertThat(t.memoryInMb()).isEqualTo(100);
        assertThat(t.diskInMb()).isEqualTo(444);
        assertThat(t.logRateLimit()).isEqualTo(555);
        refused(() -> tasks.create(f.as("dev"), "app", new Tasks.Create(null, null, null, null, null, null, "nope",
                null)), CfError.ProcessNotFound, null);
    }

    @Test
    void aDropletOfAnotherAppIsNotFound() {
        refused(() -> tasks.create(f.as("dev"), "app", new Tasks.Create(null, "echo", null, null, null, "other-d",
                null, null)), CfError.ResourceNotFound, "Droplet not found");
        Task t = tasks.create(f.as("dev"), "app", new Tasks.Create(null, "echo", null, null, null, "d2", null, null));
        assertThat(t.dropletGuid()).isEqualTo("d2");
    }

    @Test
    void onlyDevelopersCreateAndOutsidersDoNotSeeTheApp() {
        refused(() -> tasks.create(f.as("auditor"), "app", command("echo")), CfError.NotAuthorized, null);
        refused(() -> tasks.create(f.as("outsider"), "app", command("echo")), CfError.ResourceNotFound,
                "App not found");
        assertThat(tasks.create(f.admin(), "app", command("echo")).state()).isEqualTo(Task.RUNNING);
    }

    @Test
    void theTaskCreationFlagStopsAllButAdmins() {
        f.disable("task_creation");
        refused(() -> tasks.create(f.as("dev"), "app", command("echo")), CfError.FeatureDisabled, null);
        assertThat(tasks.create(f.admin(), "app", command("echo")).state()).isEqualTo(Task.RUNNING);
    }

    @Test
    void commandsAreVisibleOnlyToThoseWhoReadSecrets() {
        Task t = tasks.create(f.as("dev"), "app", command("echo secret"));
        assertThat(tasks.canSeeCommand(f.as("dev"), t)).isTrue();
        assertThat(tasks.canSeeCommand(f.as("auditor"), t)).isFalse();
        assertThat(tasks.get(f.as("auditor"), t.guid()).guid()).isEqualTo(t.guid());
        refused(() -> tasks.get(f.as("outsider"), t.guid()), CfError.ResourceNotFound, "Task not found");
    }

    @Test
    void supportersCancelARunningTaskButNotOneThatEnded() {
        Task t = tasks.create(f.as("dev"), "app", command("echo"));
        refused(() -> tasks.cancel(f.as("auditor"), t.guid()), CfError.NotAuthorized, null);
        assertThat(tasks.cancel(f.as("supporter"), t.guid()).state()).isEqualTo(Task.CANCELING);
        assertThat(f.runtime.taskRequests()).doesNotContainKey(t.guid());
        tasks.completed(t.guid(), true, "cancelled");
        assertThat(tasks.get(f.as("dev"), t.guid()).state()).isEqualTo(Task.FAILED);
        refused(() -> tasks.cancel(f.as("dev"), t.guid()), CfError.UnprocessableEntity,
                "Task state is FAILED and therefore cannot be canceled");
    }

    @Test
    void theRuntimesFirstReportWinsAndLaterOnesAreIgnored() {
        Task t = tasks.create(f.as("dev"), "app", command("echo"));
        tasks.completed(t.guid(), false, "ignored");
        tasks.completed(t.guid(), true, "too late");
        Task done = tasks.get(f.as("dev"), t.guid());
        assertThat(done.state()).isEqualTo(Task.SUCCEEDED);
        assertThat(done.failureReason()).isNull();
        refused(() -> tasks.completed("nope", false, null), CfError.ResourceNotFound, "Task not found");
    }
}
