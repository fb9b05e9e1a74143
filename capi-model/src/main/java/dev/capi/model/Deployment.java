package dev.capi.model;

import java.time.Instant;

/**
 * A deployment: replacing an app's web process by one running a new droplet (rolling, or canary pausing after the
 * first instance), {@code maxInFlight} instances at a time. {@code state} is DEPLOYING, PREPAUSED (a canary starting
 * its first instance), PAUSED, DEPLOYED, CANCELING
 * or CANCELED; {@code statusValue}/{@code statusReason} are ACTIVE/FINALIZED and DEPLOYING, PAUSED, DEPLOYED,
 * CANCELED, SUPERSEDED as the reference presents them. {@code lastHealthyAt} is when the deployment was created or the
 * updater last found every desired new instance running (the reference's {@code last_healthy_at}).
 */
public record Deployment(String guid, Instant createdAt, Instant updatedAt, String appGuid, String spaceGuid,
                         String organizationGuid, String state, String statusValue, String statusReason,
                         String strategy, String dropletGuid, String previousDropletGuid, String revisionGuid,
                         Integer revisionVersion, String newProcessGuid, String oldProcessGuid, int targetInstances,
                         int maxInFlight, Instant lastStatusChange, Instant lastHealthyAt,
                         java.util.List<Integer> canarySteps, int canaryCurrentStep, Metadata metadata) {
    public static final String DEPLOYING = "DEPLOYING";
    public static final String PREPAUSED = "PREPAUSED";
    public static final String PAUSED = "PAUSED";
    public static final String DEPLOYED = "DEPLOYED";
    public static final String CANCELING = "CANCELING";
    public static final String CANCELED = "CANCELED";
    public static final String ACTIVE = "ACTIVE";
    public static final String FINALIZED = "FINALIZED";
    public static final String SUPERSEDED = "SUPERSEDED";

    public Deployment {
        canarySteps = canarySteps == null ? java.util.List.of() : java.util.List.copyOf(canarySteps);
    }

    public boolean active() {
        return ACTIVE.equals(statusValue);
    }

    public Deployment withMetadata(Metadata m) {
        return new Deployment(guid, createdAt, updatedAt, appGuid, spaceGuid, organizationGuid, state, statusValue,
                statusReason, strategy, dropletGuid, previousDropletGuid, revisionGuid, revisionVersion,
                newProcessGuid, oldProcessGuid, targetInstances, maxInFlight, lastStatusChange, lastHealthyAt,
                canarySteps, canaryCurrentStep, m);
    }

    /** The same deployment at the next canary step. */
    public Deployment atStep(int step) {
        return new Deployment(guid, createdAt, updatedAt, appGuid, spaceGuid, organizationGuid, state, statusValue,
                statusReason, strategy, dropletGuid, previousDropletGuid, revisionGuid, revisionVersion,
                newProcessGuid, oldProcessGuid, targetInstances, maxInFlight, lastStatusChange, lastHealthyAt,
                canarySteps, step, metadata);
    }

    /** New instances a canary runs at its current step: the step's weight of the target (at least one). */
    public int canaryInstances() {
        if (canarySteps.isEmpty() || canaryCurrentStep < 1 || canaryCurrentStep > canarySteps.size()) {
            return 1;
        }
        return Math.max(1, (int) Math.ceil(targetInstances * canarySteps.get(canaryCurrentStep - 1) / 100.0));
    }

    public Deployment withStatus(String newState, String value, String reason, Instant at) {
        return new Deployment(guid, createdAt, at, appGuid, spaceGuid, organizationGuid, newState, value, reason,
                strategy, dropletGuid, previousDropletGuid, revisionGuid, revisionVersion, newProcessGuid,
                oldProcessGuid, targetInstances, maxInFlight, at, lastHealthyAt, canarySteps, canaryCurrentStep,
                metadata);
    }

    /** The same deployment, found healthy at {@code at}. */
    public Deployment healthyAt(Instant at) {
        return new Deployment(guid, createdAt, at, appGuid, spaceGuid, organizationGuid, state, statusValue,
                statusReason, strategy, dropletGuid, previousDropletGuid, revisionGuid, revisionVersion,
                newProcessGuid, oldProcessGuid, targetInstances, maxInFlight, lastStatusChange, at, canarySteps,
                canaryCurrentStep, metadata);
    }
}
