package dev.capi.persistence.blobs;

import dev.capi.model.AppPackage;
import dev.capi.model.Buildpack;
import dev.capi.model.Droplet;
import dev.capi.model.Metadata;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.buildpacks.JdbiBuildpackRepository;
import dev.capi.persistence.droplets.JdbiDropletRepository;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.packages.JdbiPackageRepository;
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
class JdbiBlobOwnersTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiBlobOwners owners;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var jdbi = db.database().jdbi();
        var metadata = new JdbiMetadataRepository(jdbi);
        owners = new JdbiBlobOwners(jdbi);
        new JdbiPackageRepository(jdbi, metadata).insert(new AppPackage("p1", t0, t0, "a1", "s1", "o1",
                AppPackage.BITS, AppPackage.READY, null, "sha1", "sha256", "packages/p1", null, null, null,
                Metadata.empty()));
        new JdbiDropletRepository(jdbi, metadata).insert(new Droplet("d1", t0, t0, "a1", "s1", "o1", "p1", "b1",
                Droplet.STAGED, null, "buildpack", Map.of(), null, List.of(), "cflinuxfs4", null, null, null, null,
                Metadata.empty()));
        new JdbiBuildpackRepository(jdbi, metadata).insert(new Buildpack("bp1", t0, t0, "ruby", null, "buildpack", 1,
                true, false, "ruby.zip", "buildpacks/bp1/k1", "abc", Metadata.empty()));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void answersWhichOfTheAskedOwnersExist() {
        assertThat(owners.existingPackages(List.of("p1", "p2", "d1"))).containsExactly("p1");
        assertThat(owners.existingDroplets(List.of("d1", "p1", "x"))).containsExactly("d1");
        assertThat(owners.buildpackKeys(List.of("buildpacks/bp1/k1", "buildpacks/bp1/old")))
                .containsExactly("buildpacks/bp1/k1");
        assertThat(owners.existingPackages(List.of())).isEmpty();
        assertThat(owners.buildpackKeys(List.of())).isEmpty();
    }
}
