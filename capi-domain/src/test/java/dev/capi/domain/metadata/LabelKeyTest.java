package dev.capi.domain.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelKeyTest {

    @Test
    void splitKeyWithoutPrefixGivesAnEmptyPrefix() {
        assertThat(LabelKey.splitKey("env")).containsExactly("", "env");
    }

    @Test
    void splitKeyWithPrefix() {
        assertThat(LabelKey.splitKey("example.com/env")).containsExactly("example.com", "env");
    }

    @Test
    void splitKeyEdgeCasesFollowRubySplit() {
        assertThat(LabelKey.splitKey("example.com/")).containsExactly("example.com", "");
        assertThat(LabelKey.splitKey("/env")).containsExactly("", "env");
        assertThat(LabelKey.splitKey("/")).containsExactly("", "");
        assertThat(LabelKey.splitKey("")).containsExactly("", "");
        assertThat(LabelKey.splitKey("a.com/b/c")).containsExactly("a.com", "b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"potato", "p_otato", "p.otato", "p-otato", "a", "A1", "example.com/potato",
        "capi.ci.cf-app.com/dashboard", "EXAMPLE.COM/x", "a.b/c"})
    void validKeysHaveNoError(String key) {
        assertThat(LabelKey.error(key)).isEmpty();
    }

    @Test
    void nameOfExactly63CharactersIsValid() {
        assertThat(LabelKey.error("a".repeat(63))).isEmpty();
    }

    @Test
    void nameLongerThan63CharactersIsTooLong() {
        assertThat(LabelKey.error("b".repeat(64))).contains("'bbbbbbbb...' is greater than 63 characters");
        assertThat(LabelKey.error("fish.cows/" + "a".repeat(64))).contains("'aaaaaaaa...' is greater than 63 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "  \t", "example.com/", "example.com/ ", "/"})
    void emptyOrBlankKeyOrNameCannotBeEmpty(String key) {
        assertThat(LabelKey.error(key)).contains("key cannot be empty string");
    }

    @Test
    void nullKeyCannotBeEmpty() {
        assertThat(LabelKey.error(null)).contains("key cannot be empty string");
    }

    @Test
    void moreThanOneSlashIsRejected() {
        assertThat(LabelKey.error("example.com/capi/tests")).contains("key has more than one '/'");
        assertThat(LabelKey.error("a/b/c")).contains("key has more than one '/'");
        assertThat(LabelKey.error("//")).contains("key has more than one '/'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-a", "a%a.com", "a..com", "onlycom", "underscores_not_allowed", "a.com-", ".a.com", "",
        "a.-b.com"})
    void prefixMustBeInValidDnsFormat(String prefix) {
        assertThat(LabelKey.error(prefix + "/key")).contains("prefix '" + prefix + "' must be in valid dns format");
    }

    @Test
    void prefixLabelsMayBeUpTo63Characters() {
        assertThat(LabelKey.error("a".repeat(61) + ".sub-part." + "b".repeat(61) + ".com/release")).isEmpty();
        assertThat(LabelKey.error("a".repeat(63) + ".com/x")).isEmpty();
        assertThat(LabelKey.error("a".repeat(64) + ".com/x")).contains(
                "prefix '" + "a".repeat(64) + ".com' must be in valid dns format");
    }

    @Test
    void prefixOf253CharactersIsValid() {
        String prefix = "a.".repeat(126) + "b";
        assertThat(prefix).hasSize(253);
        assertThat(LabelKey.error(prefix + "/foo")).isEmpty();
    }

    @Test
    void prefixLongerThan253CharactersIsTooLong() {
        String prefix = Stream.of("a", "b", "c", "d", "e").map(c -> c.repeat(61)).collect(Collectors.joining("."));
        assertThat(LabelKey.error(prefix + "/key")).contains("prefix 'aaaaaaaa...' is greater than 253 characters");
        assertThat(LabelKey.error("a.".repeat(126) + "bb/foo")).contains("prefix 'a.a.a.a....' is greater than 253 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloudfoundry.org", "CloudFoundry.org", "CLOUDFOUNDRY.ORG"})
    void cloudfoundryOrgPrefixIsReservedWhateverItsCase(String prefix) {
        assertThat(LabelKey.error(prefix + "/key")).contains("prefix 'cloudfoundry.org' is reserved");
    }

    @Test
    void subdomainsOfTheReservedPrefixAreAllowed() {
        assertThat(LabelKey.error("sub.cloudfoundry.org/key")).isEmpty();
    }

    static Stream<String> invalidKeyCharacters() {
        return IntStream.rangeClosed(32, 126).mapToObj(c -> String.valueOf((char) c))
                .filter(c -> !c.matches("[\\w\\-./]"));
    }

    @ParameterizedTest
    @MethodSource("invalidKeyCharacters")
    void nameWithAnInvalidCharacterIsRejected(String c) {
        assertThat(LabelKey.error("potato" + c)).contains("'potato" + c + "' contains invalid characters");
        assertThat(LabelKey.error("mangos.com/potato" + c)).contains("'potato" + c + "' contains invalid characters");
    }

    @Test
    void nameWithASpaceOrNonAsciiCharacterIsRejected() {
        assertThat(LabelKey.error("potato mashed")).contains("'potato mashed' contains invalid characters");
        assertThat(LabelKey.error("mangos.com/<limes>")).contains("'<limes>' contains invalid characters");
        assertThat(LabelKey.error("caf\u00e9")).contains("'caf\u00e9' contains invalid characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v-", "-v", "-v-", ".v", "v.", ".v.", "_a", "a_", "-"})
    void nameMustStartAndEndAlphanumeric(String name) {
        assertThat(LabelKey.error(name)).contains("'" + name + "' starts or ends with invalid characters");
        assertThat(LabelKey.error("mangos.org/" + name)).contains("'" + name + "' starts or ends with invalid characters");
    }

    @Test
    void checksRunInTheReferenceOrder() {
        // an invalid prefix wins over an invalid name; invalid characters win over bad ends and length
        assertThat(LabelKey.error("-a/-b")).contains("prefix '-a' must be in valid dns format");
        assertThat(LabelKey.error("cloudfoundry.org/")).contains("prefix 'cloudfoundry.org' is reserved");
        assertThat(LabelKey.error("-a b")).contains("'-a b' contains invalid characters");
        assertThat(LabelKey.error("-" + "a".repeat(70))).contains("'-" + "a".repeat(70)
                + "' starts or ends with invalid characters");
    }
}
