package dev.capi.domain.deployments;

import dev.capi.domain.runtime.InstanceReport;
import dev.capi.domain.runtime.InstanceState;

import java.util.List;

/**
 * One step of the deployment updater's arithmetic, as the reference's {@code UpScaler} and {@code DownScaler} do it:
 * the old web processes keep {@code total - routable new} instances (never fewer, so the route always has at least
 * the target behind it); the new process grows to {@code routable + max_in_flight} (at most {@code interim}) only
 * while fewer than {@code max_in_flight} of its instances are starting, none is unhealthy and the runtime has caught
 * up with what was last desired; the step is finished once {@code interim} new instances are desired and routable.
 *
 * @param newInstances what the new web process should have now
 * @param oldInstances what the old web processes together should have now
 * @param finished     whether the deployment (or the canary step) reached its interim target
 */
public record DeploymentScale(int newInstances, int oldInstances, boolean finished) {

    /** How the new process's instances are doing, from the runtime's report. */
    public record Counts(int routable, int starting, int unhealthy) {
        public static Counts of(List<InstanceReport> instances) {
            int routable = 0;
            int starting = 0;
            int unhealthy = 0;
            for (InstanceReport i : instances) {
                if (i.state() == InstanceState.RUNNING && i.routable()) {
                    routable++;
                } else if (i.state() == InstanceState.RUNNING || i.state() == InstanceState.STARTING) {
                    starting++;
                } else {
                    unhealthy++;
                }
            }
            return new Counts(routable, starting, unhealthy);
        }
    }

    /**
     * @param total       instances the app should have in all (old and new) at the end of this phase
     * @param interim     instances the new process should reach in this phase (the canary's, or {@code total})
     * @param deploying   instances the new process has now
     * @param old         instances the old web processes have now, together
     */
    public static DeploymentScale step(int total, int interim, int maxInFlight, int deploying, int old,
                                       Counts counts) {
        int oldWanted = Math.max(total - counts.routable(), 0);
        int oldNext = Math.min(old, oldWanted);
        boolean finished = deploying >= interim && counts.routable() >= interim;
        boolean canScaleUp = counts.starting() < maxInFlight && counts.unhealthy() == 0
                && counts.routable() >= deploying - maxInFlight;
        int newNext = !finished && canScaleUp ? Math.max(deploying, Math.min(counts.routable() + maxInFlight,
                interim)) : deploying;
        return new DeploymentScale(newNext, oldNext, finished);
    }

    /** The app's instances at the end of a canary step (the reference's {@code canary_total_instances}). */
    public static int canaryTotal(int target, int canary, int weight) {
        return weight == 100 ? canary : canary + Math.max(target - canary + 1, 0);
    }
}
