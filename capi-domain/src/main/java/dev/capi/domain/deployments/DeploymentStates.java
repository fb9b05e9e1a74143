package dev.capi.domain.deployments;

import dev.capi.domain.errors.CfException;
import dev.capi.model.Deployment;

import java.util.Map;
import java.util.Set;

/**
 * The deployment state machine: DEPLOYING -> PAUSED, DEPLOYED (done or superseded), CANCELING, CANCELED; a canary
 * starts PREPAUSED -> PAUSED once its step's instances run; PAUSED -> PREPAUSED (next canary step), -> DEPLOYING (continue), DEPLOYED (superseded), CANCELING, CANCELED; CANCELING -> CANCELED; DEPLOYED and
 * CANCELED are final.
 */
public final class DeploymentStates {
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            Deployment.DEPLOYING, Set.of(Deployment.PAUSED, Deployment.DEPLOYED, Deployment.CANCELING,
                    Deployment.CANCELED),
            Deployment.PREPAUSED, Set.of(Deployment.PAUSED, Deployment.DEPLOYED, Deployment.CANCELING,
                    Deployment.CANCELED),
            Deployment.PAUSED, Set.of(Deployment.PREPAUSED, Deployment.DEPLOYING, Deployment.DEPLOYED,
                    Deployment.CANCELING, Deployment.CANCELED),
            Deployment.CANCELING, Set.of(Deployment.CANCELED),
            Deployment.DEPLOYED, Set.of(),
            Deployment.CANCELED, Set.of());

    private DeploymentStates() {
    }

    public static boolean allowed(String from, String to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** Moves the deployment, or refuses with the reference's 422 text for an illegal move. */
    static Deployment move(Deployment d, String to, String value, String reason, java.time.Instant at) {
        if (!allowed(d.state(), to)) {
            throw CfException.unprocessable("Cannot move a deployment with status: " + d.statusValue()
                    + " and reason: " + d.statusReason() + " to " + to);
        }
        return d.withStatus(to, value, reason, at);
    }
}
