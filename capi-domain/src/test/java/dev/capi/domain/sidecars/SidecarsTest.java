package dev.capi.domain.sidecars;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.AppFixture;
import dev.capi.domain.fakes.InMemorySidecars;
import dev.capi.domain.query.ListQuery;
import dev.capi.model.AppProcess;
import dev.capi.model.DesiredState;
import dev.capi.model.Metadata;
import dev.capi.model.Sidecar;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sidecar creation, update, listing and deletion, on in-memory ports. */
class SidecarsTest {
    private final AppFixture f = new AppFixture();
    private final InMemorySidecars rows = new InMemorySidecars();
    private Sidecars sidecars;

    @BeforeEach
    void setUp() {
        sidecars = new Sidecars(rows, f.processes, f.access, f.tx, f.clock, f.guids);
        f.app("app", null);
        process("web-p", "web", 512);
        process("worker-p", "worker", 128);
    }

    private void process(String guid, String type, long memory) {
        f.processes.insert(new AppProcess(guid, f.now, f.now, "app", "space", "org", type, "run", null, 1, memory,
                1024, -1, AppProcess.HealthCheck.of("port"), AppProcess.HealthCheck.of("process"),
                DesiredState.STOPPED, "v1", null, Metadata.empty()));
    }

    private Sidecar create(String name, List<String> types, Long memory) {
        return sidecars.create(f.as("dev"), "app", new Sidecars.Command(name, "./agent", types, memory));
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
    void developersCreateUserSidecarsThatTheSpaceReadersSee() {
        Sidecar s = create("agent", List.of("web"), 100L);
        assertThat(s.origin()).isEqualTo("user");
        assertThat(sidecars.get(f.as("auditor"), s.guid())).isEqualTo(s);
        refused(() -> sidecars.create(f.as("auditor"), "app", new Sidecars.Command("y", "c", List.of("web"), null)),
                CfError.NotAuthorized, null);
        refused(() -> sidecars.get(f.as("outsider"), s.guid()), CfError.ResourceNotFound, "Sidecar not found");
    }

    @Test
    void sidecarNamesAreUniquePerApp() {
        Sidecar first = create("agent", List.of("web"), null);
        refused(() -> create("agent", List.of("worker"), null), CfError.UnprocessableEntity,
                "Sidecar with name 'agent' already exists for given app");
        Sidecar other = create("other", List.of("web"), null);
        refused(() -> sidecars.update(f.as("dev"), other.guid(), new Sidecars.Command("agent", null, null, null)),
                CfError.UnprocessableEntity, "Sidecar with name 'agent' already exists for given app");
        assertThat(sidecars.update(f.as("dev"), first.guid(), new Sidecars.Command("agent", null, null, null))
                .name()).isEqualTo("agent");
    }

    @Test
    void sidecarMemoryMustStayBelowEachDependentProcesss() {
        refused(() -> create("big", List.of("web", "worker"), 128L), CfError.UnprocessableEntity,
                "The memory allocation defined is too large to run with the dependent \"worker\" process");
        Sidecar s = create("small", List.of("web"), 200L);
        refused(() -> sidecars.update(f.as("dev"), s.guid(), new Sidecars.Command(null, null, List.of("worker"),
                null)), CfError.UnprocessableEntity,
                "The memory allocation defined is too large to run with the dependent \"worker\" process");
    }

    @Test
    void anUpdateKeepsWhatItDoesNotName() {
        Sidecar s = create("agent", List.of("web"), 100L);
        Sidecar updated = sidecars.update(f.as("dev"), s.guid(), new Sidecars.Command(null, "./agent --v2", null,
                null));
        assertThat(updated.name()).isEqualTo("agent");
        assertThat(updated.command()).isEqualTo("./agent --v2");
        assertThat(updated.processTypes()).containsExactly("web");
        assertThat(updated.memoryInMb()).isEqualTo(100L);
    }

    @Test
    void aProcessListsTheSidecarsOfItsType() {
        create("for-web", List.of("web"), null);
        create("for-worker", List.of("worker"), null);
        assertThat(sidecars.listForApp(f.as("auditor"), "app", ListQuery.all()).resources()).hasSize(2);
        assertThat(sidecars.listForProcess(f.as("auditor"), "worker-p", ListQuery.all()).resources())
                .extracting(Sidecar::name).containsExactly("for-worker");
        refused(() -> sidecars.listForProcess(f.as("outsider"), "worker-p", ListQuery.all()),
                CfError.ResourceNotFound, "Process not found");
    }

    @Test
    void developersDeleteSidecars() {
        Sidecar s = create("agent", List.of("web"), null);
        refused(() -> sidecars.delete(f.as("auditor"), s.guid()), CfError.NotAuthorized, null);
        sidecars.delete(f.as("dev"), s.guid());
        assertThat(rows.find(s.guid())).isEmpty();
    }
}
