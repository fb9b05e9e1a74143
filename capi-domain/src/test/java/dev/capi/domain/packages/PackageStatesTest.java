package dev.capi.domain.packages;

import dev.capi.domain.errors.CfException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every package state transition, allowed or refused. */
class PackageStatesTest {
    private static final List<String> STATES = List.of("AWAITING_UPLOAD", "PROCESSING_UPLOAD", "READY", "FAILED",
            "COPYING", "EXPIRED");

    @ParameterizedTest
    @CsvSource({
            "AWAITING_UPLOAD, PROCESSING_UPLOAD READY FAILED",
            "PROCESSING_UPLOAD, READY FAILED",
            "COPYING, READY FAILED",
            "READY, EXPIRED",
            "FAILED, ''",
            "EXPIRED, ''"})
    void allowsExactlyTheReferenceTransitions(String from, String allowed) {
        List<String> to = allowed.isBlank() ? List.of() : List.of(allowed.split(" "));
        for (String target : STATES) {
            assertThat(PackageStates.allowed(from, target)).as(from + " -> " + target).isEqualTo(to.contains(target));
            if (!to.contains(target)) {
                assertThatThrownBy(() -> PackageStates.require(from, target)).isInstanceOf(CfException.class)
                        .hasMessageContaining("Invalid package state transition from " + from + " to " + target);
            }
        }
    }
}
