package dev.capi.domain.packages;

import dev.capi.domain.fakes.ImmediateTransactions;
import dev.capi.domain.fakes.InMemoryPackages;
import dev.capi.model.AppPackage;
import dev.capi.model.Metadata;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pending packages sweep on in-memory packages. */
class PendingPackagesSweeperTest {
    private static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");
    private final InMemoryPackages rows = new InMemoryPackages();
    private final PendingPackagesSweeper sweeper = new PendingPackagesSweeper(rows, new ImmediateTransactions(),
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(900));

    private void pkg(String guid, String state, Instant updated) {
        rows.insert(new AppPackage(guid, updated, updated, "app", "space", "org", AppPackage.BITS, state, null,
                null, null, null, null, null, null, Metadata.empty()));
    }

    @Test
    void processingAndCopyingPackagesOlderThanTheExpirationFailWithTheExpiryText() {
        Instant old = NOW.minusSeconds(1201);
        pkg("processing", AppPackage.PROCESSING_UPLOAD, old);
        pkg("copying", AppPackage.COPYING, old);
        pkg("recent", AppPackage.PROCESSING_UPLOAD, NOW.minusSeconds(1200));
        pkg("awaiting", AppPackage.AWAITING_UPLOAD, old);
        pkg("ready", AppPackage.READY, old);

        assertThat(sweeper.sweep()).isEqualTo(2);

        for (String guid : new String[] {"processing", "copying"}) {
            AppPackage p = rows.find(guid).orElseThrow();
            assertThat(p.state()).isEqualTo(AppPackage.FAILED);
            assertThat(p.error()).isEqualTo(PendingPackagesSweeper.ERROR);
            assertThat(p.updatedAt()).isEqualTo(NOW);
        }
        assertThat(rows.find("recent").orElseThrow().state()).isEqualTo(AppPackage.PROCESSING_UPLOAD);
        assertThat(rows.find("awaiting").orElseThrow().state()).isEqualTo(AppPackage.AWAITING_UPLOAD);
        assertThat(rows.find("ready").orElseThrow().state()).isEqualTo(AppPackage.READY);
        assertThat(sweeper.sweep()).isZero();
    }

    @Test
    void everySweptStateMayFailInTheStateMachine() {
        PendingPackagesSweeper.PENDING.forEach(s -> assertThat(PackageStates.allowed(s, AppPackage.FAILED)).isTrue());
    }

    @Test
    void aNegativeExpirationIsRefused() {
        assertThatThrownBy(() -> new PendingPackagesSweeper(rows, new ImmediateTransactions(), Clock.systemUTC(),
                Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
