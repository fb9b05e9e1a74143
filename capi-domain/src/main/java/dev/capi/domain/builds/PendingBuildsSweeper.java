package dev.capi.domain.builds;

import dev.capi.domain.support.Durations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The reference's {@code pending_builds} clock job: a build STAGING for longer than the expiration (plus the
 * reference's extra {@link #ADDITIONAL}) fails with {@code StagingTimeExpired}, its droplet with it. Each build is
 * failed by a conditional update, so nodes sweeping at once fail it (and record its events) once.
 */
public final class PendingBuildsSweeper {
    /** The reference's {@code ADDITIONAL_EXPIRATION_TIME_IN_SECONDS}. */
    public static final Duration ADDITIONAL = Duration.ofSeconds(300);
    static final int BATCH = 100;
    private static final System.Logger LOG = System.getLogger(PendingBuildsSweeper.class.getName());

    private final BuildRepository repository;
    private final Builds builds;
    private final Clock clock;
    private final Duration expiration;

    public PendingBuildsSweeper(BuildRepository repository, Builds builds, Clock clock, Duration expiration) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.builds = Objects.requireNonNull(builds, "builds");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.expiration = Durations.requireNonNegative(expiration, "pending builds expiration");
    }

    /** One build; a failure is logged and the sweep goes on with the next (the build is tried again next time). */
    private boolean expire(String guid, Instant cutoff) {
        try {
            return builds.expire(guid, cutoff);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot expire the pending build " + guid, e);
            return false;
        }
    }

    /** Sweeps once; returns how many builds this call failed. */
    public int sweep() {
        Instant cutoff = clock.instant().minus(expiration).minus(ADDITIONAL);
        int failed = 0;
        while (true) {
            List<String> guids = repository.stagingSince(cutoff, BATCH);
            int before = failed;
            for (String guid : guids) {
                if (expire(guid, cutoff)) {
                    failed++;
                }
            }
            if (guids.size() < BATCH || failed == before) {
                return failed;
            }
        }
    }
}
