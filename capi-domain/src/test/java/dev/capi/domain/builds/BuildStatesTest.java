package dev.capi.domain.builds;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every build state transition, and the failure reasons mapped to the reference's error ids. */
class BuildStatesTest {
    @Test
    void onlyStagingBuildsEnd() {
        for (String from : List.of("STAGING", "STAGED", "FAILED")) {
            for (String to : List.of("STAGING", "STAGED", "FAILED")) {
                boolean expected = from.equals("STAGING") && !to.equals("STAGING");
                assertThat(BuildStates.allowed(from, to)).as(from + " -> " + to).isEqualTo(expected);
                if (!expected) {
                    assertThatThrownBy(() -> BuildStates.require(from, to)).isInstanceOf(CfException.class)
                            .satisfies(e -> assertThat(((CfException) e).kind()).isEqualTo(CfError.InvalidRequest));
                }
            }
        }
    }

    @Test
    void mapsFailureReasonsToTheReferenceErrors() {
        assertThat(StagingResult.failure("Exited with status 222").error())
                .isEqualTo("NoAppDetectedError - An app was not successfully detected by any available buildpack");
        assertThat(StagingResult.failure("Exited with status 223").error()).startsWith("BuildpackCompileFailed - ");
        assertThat(StagingResult.failure("Exited with status 224").error()).startsWith("BuildpackReleaseFailed - ");
        assertThat(StagingResult.failure("insufficient resources: memory").error())
                .isEqualTo("InsufficientResources - insufficient resources: memory");
        assertThat(StagingResult.failure("found no compatible cell").error()).startsWith("NoCompatibleCell - ");
        assertThat(StagingResult.failure("unable to communicate to compatible cells").error())
                .startsWith("CellCommunicationError - ");
        assertThat(StagingResult.failure("something else").error()).isEqualTo("StagingError - staging failed");
    }
}
