package dev.capi.domain.revisions;

import dev.capi.domain.apps.AppAccess;
import dev.capi.domain.fakes.ImmediateTransactions;
import dev.capi.domain.fakes.InMemoryApps;
import dev.capi.domain.fakes.InMemoryMetadata;
import dev.capi.domain.fakes.InMemoryOrganizations;
import dev.capi.domain.fakes.InMemoryProcesses;
import dev.capi.domain.fakes.InMemorySpaces;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.spaces.WritableSpaces;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.model.DesiredState;
import dev.capi.model.Lifecycle;
import dev.capi.model.Metadata;
import dev.capi.model.Revision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting an app records a revision when what it runs changed, and its processes point at that revision. */
class RevisionOnStartTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final List<Revision> rows = new ArrayList<>();
    private final InMemoryProcesses processes = new InMemoryProcesses();
    private RevisionOnStart onStart;

    @BeforeEach
    void setUp() {
        var ids = new AtomicInteger();
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var revisions = new Revisions(new ListRevisions(rows), new AppAccess(new InMemoryApps(), new InMemorySpaces(),
                new WritableSpaces(new InMemoryOrganizations())), new MetadataChanges(new InMemoryMetadata(), 50, 200),
                new ImmediateTransactions(), clock, () -> "rev-" + ids.incrementAndGet());
        onStart = new RevisionOnStart(processes, revisions, clock);
        processes.insert(process("web", "./web"));
        processes.insert(process("worker", null));
    }

    private static App app(String droplet, boolean revisionsEnabled) {
        var features = new App.Features(true, revisionsEnabled, false, false);
        return new App("a", NOW, NOW, "app", "space", "org", DesiredState.STARTED, Lifecycle.docker(), Map.of(),
                droplet, features, Metadata.empty());
    }

    private static AppProcess process(String type, String command) {
        return new AppProcess("p-" + type, NOW, NOW, "a", "space", "org", type, command, null, 1, 256, 1024, -1,
                AppProcess.HealthCheck.of("port"), null, DesiredState.STARTED, "v1", null, Metadata.empty());
    }

    @Test
    void theFirstStartRecordsAnInitialRevisionWithTheCustomCommandsAndPointsEveryProcessAtIt() {
        onStart.accept(app("d1", true));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.version()).isEqualTo(1);
            assertThat(r.dropletGuid()).isEqualTo("d1");
            assertThat(r.processCommands()).isEqualTo(Map.of("web", "./web"));
            assertThat(r.description()).isEqualTo("Initial revision.");
        });
        assertThat(processes.forApp("a")).extracting(AppProcess::revisionGuid).containsOnly("rev-1");
    }

    @Test
    void aRestartWithNothingChangedRecordsNothingNew() {
        onStart.accept(app("d1", true));
        onStart.accept(app("d1", true));
        assertThat(rows).hasSize(1);
    }

    @Test
    void aNewDropletIsANewRevision() {
        onStart.accept(app("d1", true));
        onStart.accept(app("d2", true));
        assertThat(rows).extracting(Revision::version).containsExactly(1, 2);
        assertThat(rows.get(1).description()).isEqualTo("New droplet deployed.");
        assertThat(processes.forApp("a")).extracting(AppProcess::revisionGuid).containsOnly("rev-2");
    }

    @Test
    void appsWithRevisionsDisabledRecordNone() {
        onStart.accept(app("d1", false));
        assertThat(rows).isEmpty();
        assertThat(processes.forApp("a")).extracting(AppProcess::revisionGuid).containsOnlyNulls();
    }

    /** Revisions kept in a list; only what recording reads and writes. */
    private record ListRevisions(List<Revision> rows) implements RevisionRepository {
        @Override
        public Optional<Revision> find(String guid) {
            return rows.stream().filter(r -> r.guid().equals(guid)).findFirst();
        }

        @Override
        public Optional<Revision> latestForApp(String appGuid) {
            return rows.stream().filter(r -> r.appGuid().equals(appGuid)).max(Comparator.comparing(Revision::version));
        }

        @Override
        public Page<Revision> list(ListQuery query) {
            return new Page<>(List.copyOf(rows), rows.size());
        }

        @Override
        public Page<Revision> deployedForApp(String appGuid, ListQuery query) {
            return list(query);
        }

        @Override
        public void insert(Revision r) {
            rows.add(r);
        }

        @Override
        public void touch(String guid, Instant at) {
        }
    }
}
