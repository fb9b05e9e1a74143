package dev.capi.domain.deployments;

import dev.capi.domain.deployments.DeploymentScale.Counts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The updater's arithmetic on real instance timing: nothing moves until new instances are routable. */
class DeploymentScaleTest {
    @Test
    void whileTheNewInstancesStartNothingScalesAndTheOldKeepTheirInstances() {
        var step = DeploymentScale.step(3, 3, 1, 1, 3, new Counts(0, 1, 0));
        assertThat(step).isEqualTo(new DeploymentScale(1, 3, false));
    }

    @Test
    void eachRoutableNewInstanceReleasesOneOldAndLetsMaxInFlightMoreStart() {
        assertThat(DeploymentScale.step(3, 3, 1, 1, 3, new Counts(1, 0, 0)))
                .isEqualTo(new DeploymentScale(2, 2, false));
        assertThat(DeploymentScale.step(3, 3, 2, 2, 3, new Counts(2, 0, 0)))
                .isEqualTo(new DeploymentScale(3, 1, false));
        assertThat(DeploymentScale.step(3, 3, 1, 3, 1, new Counts(3, 0, 0)))
                .isEqualTo(new DeploymentScale(3, 0, true));
    }

    @Test
    void anUnhealthyNewInstanceOrARuntimeBehindWhatWasDesiredHoldsTheScaleUp() {
        assertThat(DeploymentScale.step(3, 3, 1, 2, 2, new Counts(1, 0, 1)))
                .isEqualTo(new DeploymentScale(2, 2, false));
        assertThat(DeploymentScale.step(4, 4, 1, 3, 3, new Counts(1, 0, 0))).as("runtime not caught up")
                .isEqualTo(new DeploymentScale(3, 3, false));
    }

    @Test
    void aCanaryStepKeepsEveryOldInstanceAndFinishesWithItsCanaryRoutable() {
        int total = DeploymentScale.canaryTotal(2, 1, 0);
        assertThat(total).isEqualTo(3);
        assertThat(DeploymentScale.step(total, 1, 1, 1, 2, new Counts(0, 1, 0)))
                .isEqualTo(new DeploymentScale(1, 2, false));
        assertThat(DeploymentScale.step(total, 1, 1, 1, 2, new Counts(1, 0, 0)))
                .isEqualTo(new DeploymentScale(1, 2, true));
        assertThat(DeploymentScale.canaryTotal(4, 4, 100)).isEqualTo(4);
    }
}
