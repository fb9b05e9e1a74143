package dev.capi.domain.deployments;

import java.util.function.Predicate;

/** Whether an app has a deployment still moving (scaling and droplet changes are refused meanwhile). */
public final class DeploymentInProgress implements Predicate<String> {
    private final DeploymentRepository deployments;

    public DeploymentInProgress(DeploymentRepository deployments) {
        this.deployments = deployments;
    }

    @Override
    public boolean test(String appGuid) {
        return !deployments.activeForApp(appGuid).isEmpty();
    }
}
