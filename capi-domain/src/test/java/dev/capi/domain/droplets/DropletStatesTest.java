package dev.capi.domain.droplets;

import dev.capi.domain.errors.CfException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every droplet state transition, allowed or refused. */
class DropletStatesTest {
    private static final List<String> STATES = List.of("AWAITING_UPLOAD", "PROCESSING_UPLOAD", "STAGING", "COPYING",
            "STAGED", "FAILED", "EXPIRED");

    @ParameterizedTest
    @CsvSource({
            "AWAITING_UPLOAD, PROCESSING_UPLOAD FAILED",
            "PROCESSING_UPLOAD, STAGED FAILED",
            "STAGING, STAGED FAILED",
            "COPYING, STAGED FAILED",
            "STAGED, EXPIRED",
            "FAILED, ''",
            "EXPIRED, ''"})
    void allowsExactlyTheReferenceTransitions(String from, String allowed) {
        List<String> to = allowed.isBlank() ? List.of() : List.of(allowed.split(" "));
        for (String target : STATES) {
            assertThat(DropletStates.allowed(from, target)).as(from + " -> " + target).isEqualTo(to.contains(target));
            if (!to.contains(target)) {
                assertThatThrownBy(() -> DropletStates.require(from, target)).isInstanceOf(CfException.class);
            }
        }
    }
}
