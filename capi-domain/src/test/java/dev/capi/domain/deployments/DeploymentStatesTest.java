package dev.capi.domain.deployments;

import dev.capi.domain.errors.CfException;
import dev.capi.model.Deployment;
import dev.capi.model.Metadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every deployment state transition, allowed or refused. */
class DeploymentStatesTest {
    private static final List<String> STATES = List.of("DEPLOYING", "PREPAUSED", "PAUSED", "DEPLOYED", "CANCELING",
            "CANCELED");

    @ParameterizedTest
    @CsvSource({
            "DEPLOYING, PAUSED DEPLOYED CANCELING CANCELED",
            "PREPAUSED, PAUSED DEPLOYED CANCELING CANCELED",
            "PAUSED, PREPAUSED DEPLOYING DEPLOYED CANCELING CANCELED",
            "CANCELING, CANCELED",
            "DEPLOYED, ''",
            "CANCELED, ''"})
    void allowsExactlyTheseTransitions(String from, String allowed) {
        List<String> to = allowed.isBlank() ? List.of() : List.of(allowed.split(" "));
        Deployment d = new Deployment("d", Instant.EPOCH, Instant.EPOCH, "app", "s", "o", from, "ACTIVE", from,
                "rolling", "drop", null, null, null, "new", "old", 3, 1, Instant.EPOCH, Instant.EPOCH, List.of(), 1,
                Metadata.empty());
        for (String target : STATES) {
            assertThat(DeploymentStates.allowed(from, target)).as(from + " -> " + target)
                    .isEqualTo(to.contains(target));
            if (to.contains(target)) {
                assertThat(DeploymentStates.move(d, target, "FINALIZED", target, Instant.EPOCH).state())
                        .isEqualTo(target);
            } else {
                assertThatThrownBy(() -> DeploymentStates.move(d, target, "FINALIZED", target, Instant.EPOCH))
                        .isInstanceOf(CfException.class);
            }
        }
    }
}
