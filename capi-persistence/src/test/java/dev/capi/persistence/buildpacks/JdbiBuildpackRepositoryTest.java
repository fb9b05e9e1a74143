package dev.capi.persistence.buildpacks;

import dev.capi.domain.buildpacks.BuildpackRepository.PendingUpload;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Visibility;
import dev.capi.model.Buildpack;
import dev.capi.model.Metadata;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiBuildpackRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiBuildpackRepository buildpacks;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var jdbi = db.database().jdbi();
        buildpacks = new JdbiBuildpackRepository(jdbi, new JdbiMetadataRepository(jdbi));
        buildpacks.insert(buildpack("ruby", "cflinuxfs4", "buildpack", 2));
        buildpacks.insert(buildpack("go", null, "buildpack", 1));
        buildpacks.insert(buildpack("node", "cflinuxfs4", "cnb", 1));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private Buildpack buildpack(String name, String stack, String lifecycle, int position) {
        return new Buildpack(name + "-guid", t0, t0, name, stack, lifecycle, position, true, false, null, null, null,
                Metadata.empty());
    }

    private static ListQuery query(Map<String, List<String>> filters) {
        return new ListQuery(1, 50, OrderBy.byId(), filters, List.of(), null, Visibility.everything());
    }

    @Test
    void listsByLifecycleThenPositionAndFilters() {
        assertThat(buildpacks.list(query(Map.of())).resources()).extracting(Buildpack::name)
                .containsExactly("go", "ruby", "node");
        assertThat(buildpacks.list(query(Map.of("stacks", List.of("")))).resources()).extracting(Buildpack::name)
                .as("an empty stacks value matches buildpacks without a stack").containsExactly("go");
        assertThat(buildpacks.list(query(Map.of("lifecycle", List.of("cnb"))))
                .resources()).extracting(Buildpack::name).containsExactly("node");
        assertThat(buildpacks.list(query(Map.of("names", List.of("ruby", "node")))).totalResults()).isEqualTo(2);
    }

    @Test
    void answersUniquenessWithNullStacks() {
        assertThat(buildpacks.taken("go", null, "buildpack", null)).isTrue();
        assertThat(buildpacks.taken("go", null, "buildpack", "go-guid")).isFalse();
        assertThat(buildpacks.taken("go", "cflinuxfs4", "buildpack", null)).isFalse();
        assertThat(buildpacks.taken("ruby", "cflinuxfs4", "buildpack", null)).isTrue();
        assertThat(buildpacks.taken("ruby", "cflinuxfs4", "cnb", null)).isFalse();
    }

    @Test
    void shiftsPositionsWithinALifecycle() {
        assertThat(buildpacks.lastPosition("buildpack")).isEqualTo(2);
        assertThat(buildpacks.lastPosition("none")).isZero();
        buildpacks.lockPositions();
        buildpacks.shiftPositions("buildpack", 1, 2, 1);
        assertThat(buildpacks.find("go-guid").orElseThrow().position()).isEqualTo(2);
        assertThat(buildpacks.find("ruby-guid").orElseThrow().position()).isEqualTo(3);
        assertThat(buildpacks.find("node-guid").orElseThrow().position()).as("other lifecycle").isEqualTo(1);
    }

    @Test
    void keepsAndTakesAPendingUploadOnce() {
        var pending = new PendingUpload("buildpacks/ruby-guid/u1", "ruby.zip", "abc", "cflinuxfs4");
        buildpacks.savePendingUpload("ruby-guid", pending);
        assertThat(buildpacks.takePendingUpload("ruby-guid")).contains(pending);
        assertThat(buildpacks.takePendingUpload("ruby-guid")).isEmpty();
    }

    @Test
    void updatesAndDeletes() {
        var ruby = buildpacks.find("ruby-guid").orElseThrow();
        buildpacks.update(new Buildpack(ruby.guid(), ruby.createdAt(), t0.plusSeconds(5), "ruby2", ruby.stack(),
                ruby.lifecycle(), ruby.position(), false, true, "ruby.zip", "buildpacks/ruby-guid/u1", "abc",
                Metadata.empty()));
        var updated = buildpacks.find("ruby-guid").orElseThrow();
        assertThat(updated.name()).isEqualTo("ruby2");
        assertThat(updated.state()).isEqualTo(Buildpack.READY);
        assertThat(updated.locked()).isTrue();
        assertThat(updated.enabled()).isFalse();
        buildpacks.delete("ruby-guid");
        assertThat(buildpacks.find("ruby-guid")).isEmpty();
    }
}
