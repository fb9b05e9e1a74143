package dev.capi.domain.packages;

import dev.capi.domain.support.Transactions;
import dev.capi.model.AppPackage;
import dev.capi.domain.support.Durations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Fails the packages a crash left processing: a package in PROCESSING_UPLOAD or COPYING whose updated_at is older
 * than the expiration (plus the reference's extra {@link #ADDITIONAL} of its pending cleanups) becomes FAILED with
 * {@link #ERROR}. The reference has no such job (its upload jobs time out instead); the error text is ours.
 */
public final class PendingPackagesSweeper {
    /** The reference's {@code ADDITIONAL_EXPIRATION_TIME_IN_SECONDS} of its pending droplet and build cleanups. */
    public static final Duration ADDITIONAL = Duration.ofSeconds(300);
    public static final String ERROR = "Package processing expired before it completed";
    static final List<String> PENDING = List.of(AppPackage.PROCESSING_UPLOAD, AppPackage.COPYING);

    private final PackageRepository repository;
    private final Transactions tx;
    private final Clock clock;
    private final Duration expiration;

    public PendingPackagesSweeper(PackageRepository repository, Transactions tx, Clock clock, Duration expiration) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.tx = Objects.requireNonNull(tx, "tx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.expiration = Durations.requireNonNegative(expiration, "pending packages expiration");
        PENDING.forEach(state -> PackageStates.require(state, AppPackage.FAILED));
    }

    /** Sweeps once; returns how many packages became FAILED. */
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant cutoff = now.minus(expiration).minus(ADDITIONAL);
        return tx.inTransaction(() -> repository.failStale(PENDING, cutoff, ERROR, now));
    }
}
