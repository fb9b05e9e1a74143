package dev.capi.domain.buildpacks;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Buildpack;
import dev.capi.model.Metadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Positions stay dense per lifecycle, as the reference's ordered list keeps them. */
class BuildpackPositionsTest {
    private final Rows rows = new Rows();
    private final BuildpackPositions positions = new BuildpackPositions(rows);

    private void add(String name, String lifecycle, Integer requested) {
        int position = positions.forNew(lifecycle, requested);
        rows.insert(new Buildpack(name, Instant.EPOCH, Instant.EPOCH, name, null, lifecycle, position, true, false,
                null, null, null, Metadata.empty()));
    }

    private void move(String name, int requested) {
        Buildpack b = rows.find(name).orElseThrow();
        int target = positions.move(b.lifecycle(), b.position(), requested);
        rows.setPosition(name, target);
    }

    private void remove(String name) {
        Buildpack b = rows.find(name).orElseThrow();
        rows.delete(name);
        positions.remove(b.lifecycle(), b.position());
    }

    @Test
    void newBuildpacksGoFirstByDefaultAndLastWhenAskedBeyondTheEnd() {
        add("a", "buildpack", null);
        add("b", "buildpack", null);
        add("c", "buildpack", 99);
        add("d", "buildpack", 2);
        assertThat(rows.order("buildpack")).containsExactly("b", "d", "a", "c");
    }

    @Test
    void movesShiftTheBuildpacksBetween() {
        for (String n : List.of("a", "b", "c", "d")) {
            add(n, "buildpack", 99);
        }
        move("d", 1);
        assertThat(rows.order("buildpack")).containsExactly("d", "a", "b", "c");
        move("d", 3);
        assertThat(rows.order("buildpack")).containsExactly("a", "b", "d", "c");
        move("a", 50);
        assertThat(rows.order("buildpack")).containsExactly("b", "d", "c", "a");
        move("c", 3);
        assertThat(rows.order("buildpack")).containsExactly("b", "d", "c", "a");
    }

    @Test
    void removalsCloseTheGapAndLifecyclesKeepTheirOwnLists() {
        add("a", "buildpack", 99);
        add("b", "buildpack", 99);
        add("c", "buildpack", 99);
        add("x", "cnb", null);
        remove("b");
        assertThat(rows.order("buildpack")).containsExactly("a", "c");
        assertThat(rows.find("c").orElseThrow().position()).isEqualTo(2);
        assertThat(rows.find("x").orElseThrow().position()).isEqualTo(1);
    }

    /** Buildpack rows in memory: enough of the port for positions. */
    static final class Rows implements BuildpackRepository {
        private final Map<String, Buildpack> byGuid = new LinkedHashMap<>();

        List<String> order(String lifecycle) {
            List<Buildpack> list = new ArrayList<>(byGuid.values().stream()
                    .filter(b -> b.lifecycle().equals(lifecycle)).toList());
            list.sort(Comparator.comparingInt(Buildpack::position));
            for (int i = 0; i < list.size(); i++) {
                assertThat(list.get(i).position()).as("dense positions").isEqualTo(i + 1);
            }
            return list.stream().map(Buildpack::name).toList();
        }

        void setPosition(String guid, int position) {
            Buildpack b = byGuid.get(guid);
            byGuid.put(guid, with(b, position));
        }

        private static Buildpack with(Buildpack b, int position) {
            return new Buildpack(b.guid(), b.createdAt(), b.updatedAt(), b.name(), b.stack(), b.lifecycle(), position,
                    b.enabled(), b.locked(), b.filename(), b.blobKey(), b.sha256(), b.metadata());
        }

        @Override
        public Optional<Buildpack> find(String guid) {
            return Optional.ofNullable(byGuid.get(guid));
        }

        @Override
        public Page<Buildpack> list(ListQuery query) {
            return new Page<>(List.copyOf(byGuid.values()), byGuid.size());
        }

        @Override
        public boolean taken(String name, String stack, String lifecycle, String exceptGuid) {
            return false;
        }

        @Override
        public int lastPosition(String lifecycle) {
            return byGuid.values().stream().filter(b -> b.lifecycle().equals(lifecycle))
                    .mapToInt(Buildpack::position).max().orElse(0);
        }

        @Override
        public void shiftPositions(String lifecycle, int from, int to, int delta) {
            byGuid.replaceAll((g, b) -> b.lifecycle().equals(lifecycle) && b.position() >= from && b.position() <= to
                    ? with(b, b.position() + delta) : b);
        }

        @Override
        public void insert(Buildpack buildpack) {
            byGuid.put(buildpack.guid(), buildpack);
        }

        @Override
        public void update(Buildpack buildpack) {
            byGuid.put(buildpack.guid(), buildpack);
        }

        @Override
        public void delete(String guid) {
            byGuid.remove(guid);
        }

        @Override
        public void savePendingUpload(String guid, PendingUpload upload) {
        }

        @Override
        public Optional<PendingUpload> takePendingUpload(String guid) {
            return Optional.empty();
        }

        @Override
        public void lockPositions() {
        }
    }
}
