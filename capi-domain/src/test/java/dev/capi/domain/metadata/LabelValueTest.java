package dev.capi.domain.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelValueTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "mashed", "a", "a.b-c_d", "0"})
    void validValuesHaveNoError(String value) {
        assertThat(LabelValue.error(value)).isEmpty();
    }

    @Test
    void nullValueIsValid() {
        assertThat(LabelValue.error(null)).isEmpty();
    }

    @Test
    void valueOfExactly63CharactersIsValid() {
        assertThat(LabelValue.error("a".repeat(63))).isEmpty();
    }

    @Test
    void valueLongerThan63CharactersIsTooLong() {
        assertThat(LabelValue.error("b".repeat(64))).contains("'bbbbbbbb...' is greater than 63 characters");
    }

    static Stream<String> invalidValueCharacters() {
        return IntStream.rangeClosed(32, 126).mapToObj(c -> String.valueOf((char) c))
                .filter(c -> !c.matches("[\\w\\-.]"));
    }

    @ParameterizedTest
    @MethodSource("invalidValueCharacters")
    void valueWithAnInvalidCharacterIsRejected(String c) {
        assertThat(LabelValue.error("mashed" + c)).contains("'mashed" + c + "' contains invalid characters");
        assertThat(LabelValue.error(c)).contains("'" + c + "' contains invalid characters");
    }

    @Test
    void invalidCharacterTextShowsTheWholeValue() {
        String value = "x".repeat(70) + "!";
        assertThat(LabelValue.error(value)).contains("'" + value + "' contains invalid characters");
        assertThat(LabelValue.error(" ")).contains("' ' contains invalid characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v-", "-v", "-v-", ".v", "v.", ".v.", "_a", "-"})
    void valueMustStartAndEndAlphanumeric(String value) {
        assertThat(LabelValue.error(value)).contains("'" + value + "' starts or ends with invalid characters");
    }
}
