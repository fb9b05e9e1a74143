package dev.capi.domain.revisions;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.AppFixture;
import dev.capi.domain.fakes.InMemoryRevisions;
import dev.capi.domain.query.ListQuery;
import dev.capi.model.App;
import dev.capi.model.Revision;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Revisions recorded when what an app runs changes, and read by the app's space readers, on in-memory ports. */
class RevisionsTest {
    private final AppFixture f = new AppFixture();
    private final InMemoryRevisions rows = new InMemoryRevisions();
    private Revisions revisions;
    private App app;

    @BeforeEach
    void setUp() {
        revisions = new Revisions(rows, f.access, f.metadata, f.tx, f.clock, f.guids);
        app = f.app("app", "d1").withEnvironmentVariables(Map.of("A", "1"), f.now);
        f.apps.update(app);
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
    void theFirstRevisionIsTheInitialOneAndAnUnchangedAppKeepsIt() {
        Revision first = revisions.record(app, "d1", Map.of("web", "serve")).orElseThrow();
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.description()).isEqualTo("Initial revision.");
        assertThat(first.environmentVariables()).isEqualTo(Map.of("A", "1"));
        assertThat(revisions.record(app, "d1", Map.of("web", "serve"))).contains(first);
    }

    @Test
    void aRevisionDescribesEveryChangeSinceTheLatest() {
        revisions.record(app, "d1", Map.of("web", "serve"));
        assertThat(revisions.record(app, "d2", Map.of("web", "serve")).orElseThrow().description())
                .isEqualTo("New droplet deployed.");
        App changed = app.withEnvironmentVariables(Map.of("A", "2"), f.now);
        Revision third = revisions.record(changed, "d2", Map.of("web", "serve --fast")).orElseThrow();
        assertThat(third.version()).isEqualTo(3);
        assertThat(third.description()).isEqualTo("New environment variables deployed. Custom start command "
                + "updated.");
    }

    @Test
    void appsWithRevisionsTurnedOffRecordNone() {
        App off = app.withFeatures(new App.Features(true, false, false, false), f.now);
        assertThat(revisions.record(off, "d1", Map.of())).isEmpty();
    }

    @Test
    void spaceReadersReadRevisionsButOnlySecretReadersTheirEnvironment() {
        Revision r = revisions.record(app, "d1", Map.of()).orElseThrow();
        assertThat(revisions.get(f.as("auditor"), r.guid())).isEqualTo(r);
        assertThat(revisions.environmentVariables(f.as("dev"), r.guid()).environmentVariables())
                .containsEntry("A", "1");
        refused(() -> revisions.environmentVariables(f.as("auditor"), r.guid()), CfError.NotAuthorized, null);
        refused(() -> revisions.get(f.as("outsider"), r.guid()), CfError.ResourceNotFound, "Revision not found");
    }

    @Test
    void anAppListsItsOwnRevisionsAndTheDeployedOnes() {
        Revision first = revisions.record(app, "d1", Map.of()).orElseThrow();
        revisions.record(f.app("other", "d9"), "d9", Map.of());
        Revision second = revisions.record(app, "d2", Map.of()).orElseThrow();
        rows.deployed.add(second.guid());
        assertThat(revisions.listForApp(f.as("auditor"), "app", ListQuery.all()).resources())
                .containsExactly(first, second);
        assertThat(revisions.deployed(f.as("auditor"), "app", ListQuery.all()).resources()).containsExactly(second);
        refused(() -> revisions.listForApp(f.as("outsider"), "app", ListQuery.all()), CfError.ResourceNotFound,
                "App not found");
    }

    @Test
    void developersUpdateARevisionsMetadata() {
        Revision r = revisions.record(app, "d1", Map.of()).orElseThrow();
        refused(() -> revisions.update(f.as("auditor"), r.guid(), null), CfError.NotAuthorized, null);
        revisions.update(f.as("dev"), r.guid(), null);
        assertThat(rows.touchedAt(r.guid())).isPresent();
    }
}
