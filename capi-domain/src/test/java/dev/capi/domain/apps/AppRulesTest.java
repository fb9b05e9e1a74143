package dev.capi.domain.apps;

import dev.capi.domain.blobs.BlobInfo;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.fakes.InMemoryApps;
import dev.capi.domain.fakes.InMemoryProcesses;
import dev.capi.domain.apps.EffectiveProcessCommand;
import dev.capi.domain.routes.AppLookup;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.model.DesiredState;
import dev.capi.model.Lifecycle;
import dev.capi.model.Metadata;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The small rules the app area lends to others: effective commands, routing's view of apps, blob cleanup. */
class AppRulesTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static App app(String guid, Lifecycle lifecycle, String droplet) {
        return new App(guid, NOW, NOW, "name-" + guid, "space", "org", DesiredState.STOPPED, lifecycle, Map.of(),
                droplet, App.Features.defaults(true), Metadata.empty());
    }

    static AppProcess process(String guid, String appGuid, String type, String command) {
        return new AppProcess(guid, NOW, NOW, appGuid, "space", "org", type, command, null, 1, 256, 1024, -1,
                AppProcess.HealthCheck.of("port"), null, DesiredState.STOPPED, "v1", null, Metadata.empty());
    }

    private static DropletLookup droplets(Map<String, String> processTypes) {
        return guid -> Optional.of(new DropletLookup.Droplet(guid, NOW, NOW, "a", "STAGED", processTypes));
    }

    @Test
    void aProcessRunsItsOwnCommandWhenItHasOne() {
        var command = new EffectiveProcessCommand(droplets(Map.of("web", "detected")));
        assertThat(command.apply(app("a", Lifecycle.docker(), "d"), process("p", "a", "web", "mine")))
                .isEqualTo("mine");
    }

    @Test
    void aProcessWithoutACommandRunsWhatItsDropletDetectedForItsType() {
        var command = new EffectiveProcessCommand(droplets(Map.of("web", "detected", "worker", "work")));
        assertThat(command.apply(app("a", Lifecycle.docker(), "d"), process("p", "a", "worker", null)))
                .isEqualTo("work");
        assertThat(command.apply(app("a", Lifecycle.docker(), "d"), process("p", "a", "web", "")))
                .isEqualTo("detected");
    }

    @Test
    void withoutADropletOrADetectedTypeTheProcessKeepsItsOwnEmptyCommand() {
        var command = new EffectiveProcessCommand(droplets(Map.of("web", "detected")));
        assertThat(command.apply(app("a", Lifecycle.docker(), null), process("p", "a", "web", null))).isNull();
        assertThat(command.apply(app("a", Lifecycle.docker(), "d"), process("p", "a", "clock", null))).isNull();
    }

    @Test
    void routingSeesEachAppsSpaceLifecycleAndProcessTypes() {
        var apps = new InMemoryApps();
        var processes = new InMemoryProcesses();
        apps.insert(app("docker-app", Lifecycle.docker(), null));
        apps.insert(app("bp-app", new Lifecycle(Lifecycle.BUILDPACK, List.of(), "cflinuxfs4"), null));
        processes.insert(process("p1", "bp-app", "web", null));
        processes.insert(process("p2", "bp-app", "worker", null));
        var view = new RoutingAppView(apps, processes);

        assertThat(view.findAll(List.of("docker-app", "bp-app", "missing"))).containsExactlyInAnyOrder(
                new AppLookup.App("docker-app", "name-docker-app", "space", true, List.of()),
                new AppLookup.App("bp-app", "name-bp-app", "space", false, List.of("web", "worker")));
        assertThat(view.find("missing")).isEmpty();
    }

    @Test
    void deletingAnAppDeletesItsRowsAndThenTheirBits() {
        List<String> events = new ArrayList<>();
        var contents = new AppContents() {
            @Override
            public List<String> blobKeys(String appGuid) {
                events.add("keys " + appGuid);
                return List.of("packages/x", "droplets/y");
            }

            @Override
            public void deleteAll(String appGuid) {
                events.add("rows " + appGuid);
            }
        };
        new AppBlobCleanup(contents, new RecordingBlobs(events)).deleteAppContents("a");
        assertThat(events).containsExactly("keys a", "rows a", "delete packages/x", "delete droplets/y");
    }

    /** Records deletes; nothing else is expected of it here. */
    private record RecordingBlobs(List<String> events) implements BlobStore {
        @Override
        public BlobInfo put(String key, InputStream content, long maxBytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<BlobInfo> info(String key) {
            return Optional.empty();
        }

        @Override
        public InputStream open(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean exists(String key) {
            return false;
        }

        @Override
        public void delete(String key) {
            events.add("delete " + key);
        }

        @Override
        public void deleteByPrefix(String prefix) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BlobInfo copy(String fromKey, String toKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forEachUnder(String prefix, java.util.function.Consumer<dev.capi.domain.blobs.StoredBlob> visitor) {
            throw new UnsupportedOperationException();
        }
    }
}
