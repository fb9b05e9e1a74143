package dev.capi.domain.tasks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every task state transition, allowed or refused. */
class TaskStatesTest {
    private static final List<String> STATES = List.of("PENDING", "RUNNING", "SUCCEEDED", "FAILED", "CANCELING");

    @ParameterizedTest
    @CsvSource({
            "PENDING, RUNNING CANCELING FAILED",
            "RUNNING, SUCCEEDED FAILED CANCELING",
            "CANCELING, SUCCEEDED FAILED",
            "SUCCEEDED, ''",
            "FAILED, ''"})
    void allowsExactlyTheseTransitions(String from, String allowed) {
        List<String> to = allowed.isBlank() ? List.of() : List.of(allowed.split(" "));
        for (String target : STATES) {
            assertThat(TaskStates.allowed(from, target)).as(from + " -> " + target).isEqualTo(to.contains(target));
        }
    }
}
