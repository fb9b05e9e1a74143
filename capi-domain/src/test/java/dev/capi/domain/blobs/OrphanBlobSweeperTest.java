package dev.capi.domain.blobs;

import dev.capi.domain.fakes.InMemoryBlobStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The orphan blob sweep on an in-memory store and a set of owners. */
class OrphanBlobSweeperTest {
    private static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");
    private static final Instant OLD = NOW.minus(Duration.ofHours(2));
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(Clock.fixed(NOW, ZoneOffset.UTC));
    private final Set<String> packages = new HashSet<>();
    private final Set<String> droplets = new HashSet<>();
    private final Set<String> buildpackKeys = new HashSet<>();
    private final BlobOwners owners = new BlobOwners() {
        @Override
        public Set<String> existingPackages(Collection<String> guids) {
            return guids.stream().filter(packages::contains).collect(Collectors.toSet());
        }

        @Override
        public Set<String> existingDroplets(Collection<String> guids) {
            return guids.stream().filter(droplets::contains).collect(Collectors.toSet());
        }

        @Override
        public Set<String> buildpackKeys(Collection<String> keys) {
            return keys.stream().filter(buildpackKeys::contains).collect(Collectors.toSet());
        }
    };
    private final OrphanBlobSweeper sweeper = new OrphanBlobSweeper(blobs, owners, Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofHours(1));

    private void blob(String key, Instant written) {
        blobs.put(key, new byte[] {1});
        blobs.age(key, written);
    }

    @Test
    void oldBlobsNoRowOwnsAreDeletedAndOwnedRecentOrForeignOnesStay() {
        packages.add("p1");
        droplets.add("d1");
        buildpackKeys.add("buildpacks/b1/k1");
        blob("packages/p1", OLD);
        blob("packages/gone", OLD);
        blob("packages/uploading", NOW.minusSeconds(60));
        blob("droplets/d1", OLD);
        blob("droplets/gone", OLD);
        blob("droplets/d1-upload-x", OLD);
        blob("buildpacks/b1/k1", OLD);
        blob("buildpacks/b1/old", OLD);
        blob("buildpack_cache/app/stack", OLD);
        blob("resource_pool/ab/cd", OLD);

        assertThat(sweeper.sweep()).isEqualTo(4);

        assertThat(blobs.keys()).containsExactlyInAnyOrder("packages/p1", "packages/uploading", "droplets/d1",
                "buildpacks/b1/k1", "buildpack_cache/app/stack", "resource_pool/ab/cd");
        assertThat(sweeper.sweep()).isZero();
    }

    @Test
    void manyOrphansAreSweptInBatches() {
        for (int i = 0; i < OrphanBlobSweeper.BATCH * 2 + 3; i++) {
            blob("packages/p" + i, OLD);
        }
        packages.add("p7");
        assertThat(sweeper.sweep()).isEqualTo(OrphanBlobSweeper.BATCH * 2 + 2);
        assertThat(blobs.keys()).containsExactly("packages/p7");
    }

    @Test
    void theOwnerIsTheSecondSegment() {
        assertThat(OrphanBlobSweeper.ownerGuid("droplets/g/sha")).isEqualTo("g");
        assertThat(OrphanBlobSweeper.ownerGuid("packages/g")).isEqualTo("g");
        assertThat(OrphanBlobSweeper.ownerGuid("packages")).isEmpty();
    }

    @Test
    void aNegativeGraceIsRefused() {
        assertThatThrownBy(() -> new OrphanBlobSweeper(blobs, owners, Clock.systemUTC(), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
