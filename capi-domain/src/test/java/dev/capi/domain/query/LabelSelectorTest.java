package dev.capi.domain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.query.LabelRequirement.Equal;
import dev.capi.domain.query.LabelRequirement.Exists;
import dev.capi.domain.query.LabelRequirement.In;
import dev.capi.domain.query.LabelRequirement.NotEqual;
import dev.capi.domain.query.LabelRequirement.NotExists;
import dev.capi.domain.query.LabelRequirement.NotIn;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSelectorTest {

    private static List<LabelRequirement> parse(String raw) {
        return LabelSelector.parse(raw).requirements();
    }

    private static String failure(String raw) {
        try {
            LabelSelector.parse(raw);
        } catch (CfException e) {
            assertThat(e.kind()).isEqualTo(CfError.BadQueryParameter);
            assertThat(e.kind().httpStatus()).isEqualTo(400);
            assertThat(e.detail()).startsWith("The query parameter is invalid: ");
            return e.detail().substring("The query parameter is invalid: ".length());
        }
        throw new AssertionError("expected '" + raw + "' to be refused");
    }

    @Test
    void existsForm() {
        assertThat(parse("santa")).containsExactly(new Exists("", "santa"));
    }

    @Test
    void notExistsForm() {
        assertThat(parse("!santa")).containsExactly(new NotExists("", "santa"));
    }

    @Test
    void equalFormWithOneOrTwoEqualSigns() {
        assertThat(parse("foo=bar")).containsExactly(new Equal("", "foo", "bar"));
        assertThat(parse("foo==bar")).containsExactly(new Equal("", "foo", "bar"));
    }

    @Test
    void notEqualForm() {
        assertThat(parse("foo!=bar")).containsExactly(new NotEqual("", "foo", "bar"));
    }

    @Test
    void inForm() {
        assertThat(parse("foo in (bar,baz)")).containsExactly(new In("", "foo", List.of("bar", "baz")));
        assertThat(parse("foo in (bar)")).containsExactly(new In("", "foo", List.of("bar")));
    }

    @Test
    void notInForm() {
        assertThat(parse("foo notin (bar,baz)")).containsExactly(new NotIn("", "foo", List.of("bar", "baz")));
    }

    @Test
    void prefixedKeysAreSplitInEveryForm() {
        assertThat(parse("example.com/a,!example.com/b,example.com/c=v,example.com/d!=v,"
                + "example.com/e in (x,y),example.com/f notin (z)")).containsExactly(
                new Exists("example.com", "a"),
                new NotExists("example.com", "b"),
                new Equal("example.com", "c", "v"),
                new NotEqual("example.com", "d", "v"),
                new In("example.com", "e", List.of("x", "y")),
                new NotIn("example.com", "f", List.of("z")));
        assertThat(parse("example.com/a").get(0).key()).isEqualTo("example.com/a");
        assertThat(parse("a").get(0).key()).isEqualTo("a");
    }

    @Test
    void selectorsWithTheSameRequirementsAreEqual() {
        assertThat(LabelSelector.parse("a=b,c")).isEqualTo(LabelSelector.parse("a==b,,c"))
                .hasSameHashCodeAs(LabelSelector.parse("a==b,,c"))
                .isNotEqualTo(LabelSelector.parse("c,a=b"));
    }

    @Test
    void requirementsAreAndedInTheOrderWritten() {
        assertThat(parse("foo=funky,santa=claus,!elf")).containsExactly(
                new Equal("", "foo", "funky"), new Equal("", "santa", "claus"), new NotExists("", "elf"));
    }

    @Test
    void commasInsideParenthesesDoNotSplit() {
        assertThat(parse("env in (prod,staging),tier notin (web,db),x")).containsExactly(
                new In("", "env", List.of("prod", "staging")),
                new NotIn("", "tier", List.of("web", "db")),
                new Exists("", "x"));
    }

    @Test
    void aNewlineEndsAParenthesizedGroupSoItsCommaSplits() {
        assertThat(failure("a in (x\n,y)")).isEqualTo("Invalid label_selector value, Invalid label_selector value");
    }

    @Test
    void emptyPiecesBetweenCommasAreIgnored() {
        assertThat(parse(",a,,b,")).containsExactly(new Exists("", "a"), new Exists("", "b"));
    }

    @Test
    void emptyValuesAreAllowed() {
        assertThat(parse("foo in (a,,b)")).containsExactly(new In("", "foo", List.of("a", "", "b")));
        assertThat(parse("foo in (a,)")).containsExactly(new In("", "foo", List.of("a")));
    }

    @Test
    void equalWithNoValueMatchesNothingLikeTheReference() {
        assertThat(parse("foo=")).containsExactly(new In("", "foo", List.of()));
        assertThat(parse("foo==")).containsExactly(new In("", "foo", List.of()));
        assertThat(parse("foo in ()")).containsExactly(new In("", "foo", List.of()));
    }

    @Test
    void notEqualWithNoValueMatchesEverythingLikeTheReference() {
        assertThat(parse("foo!=")).containsExactly(new NotIn("", "foo", List.of()));
        assertThat(parse("foo notin ()")).containsExactly(new NotIn("", "foo", List.of()));
    }

    @Test
    void keysMayHoldWordCharactersDashesDotsAndSlashes() {
        assertThat(parse("a_b-c.d=v")).containsExactly(new Equal("", "a_b-c.d", "v"));
    }

    @Test
    void valueListsAreImmutable() {
        In in = (In) parse("foo in (a,b)").get(0);
        assertThatThrownBy(() -> in.values().add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> LabelSelector.parse("a").requirements().add(new Exists("", "b")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {",", ",,,"})
    void missingValue(String raw) {
        assertThat(failure(raw)).isEqualTo("Missing label_selector value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!", " ", "foo in(bar)", "foo in (bar", "foo=bar\nbaz", "foo>bar", "!foo=bar", "a b",
        "foo  in", "in (a)"})
    void unparsableRequirement(String raw) {
        assertThat(failure(raw)).isEqualTo("Invalid label_selector value");
    }

    @Test
    void whitespaceIsOnlyAcceptedAsTheReferenceDoes() {
        // a space after a comma makes the requirement unparsable
        assertThat(failure("a=b, c=d")).isEqualTo("Invalid label_selector value");
        assertThat(failure(" a")).isEqualTo("Invalid label_selector value");
        // in/notin take any key text before " in (", which the key rules then refuse
        assertThat(failure("foo  in (a)")).isEqualTo("'foo ' contains invalid characters");
        assertThat(failure(" in (a)")).isEqualTo("key cannot be empty string");
        // values inside the parentheses are taken verbatim
        assertThat(failure("foo in (a, b)")).isEqualTo("' b' contains invalid characters");
        assertThat(failure("foo=bar ")).isEqualTo("'bar ' contains invalid characters");
    }

    @Test
    void fiftyRequirementsAreAllowed() {
        String raw = IntStream.range(0, 50).mapToObj(i -> "k" + i).collect(Collectors.joining(","));
        assertThat(parse(raw)).hasSize(50);
    }

    @Test
    void moreThanFiftyRequirementsAreRefused() {
        String raw = IntStream.range(0, 51).mapToObj(i -> "k" + i).collect(Collectors.joining(","));
        assertThat(failure(raw)).isEqualTo("Too many label_selector requirements (maximum is 50)");
        String unparsable = IntStream.range(0, 51).mapToObj(i -> "!").collect(Collectors.joining(","));
        assertThat(failure(unparsable)).isEqualTo("Too many label_selector requirements (maximum is 50)");
    }

    @Test
    void keyErrorsUseTheMetadataTexts() {
        assertThat(failure("a/b/c=value")).isEqualTo("key has more than one '/'");
        assertThat(failure("underscores_not_allowed/foo")).isEqualTo(
                "prefix 'underscores_not_allowed' must be in valid dns format");
        assertThat(failure("a." .repeat(126) + "bb/foo=v")).isEqualTo(
                "prefix 'a.a.a.a....' is greater than 253 characters");
        assertThat(failure("cloudfoundry.org/foo")).isEqualTo("prefix 'cloudfoundry.org' is reserved");
        assertThat(failure("mangos.com/=value")).isEqualTo("key cannot be empty string");
        assertThat(failure("mangos.com/<limes> in (a)")).isEqualTo("'<limes>' contains invalid characters");
        assertThat(failure("fish.cows/" + "a".repeat(64))).isEqualTo("'aaaaaaaa...' is greater than 63 characters");
        assertThat(parse("fish.cows/" + "a".repeat(63))).hasSize(1);
        assertThat(parse("a." .repeat(126) + "b/foo")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v-", "-v", "-v-", ".v", "v.", ".v."})
    void keysMustStartAndEndAlphanumeric(String key) {
        assertThat(failure(key + "=value")).isEqualTo("'" + key + "' starts or ends with invalid characters");
        assertThat(failure("mangos.org/" + key)).isEqualTo("'" + key + "' starts or ends with invalid characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v-", "-v", "-v-", ".v", "v.", ".v."})
    void valuesMustStartAndEndAlphanumeric(String value) {
        assertThat(failure("mangos.org/tangelos=" + value))
                .isEqualTo("'" + value + "' starts or ends with invalid characters");
    }

    @Test
    void valueErrorsUseTheLabelValueTexts() {
        assertThat(failure("horse.badorties in ({<neigh>})")).isEqualTo("'{<neigh>}' contains invalid characters");
        assertThat(failure("horse=" + "a".repeat(64))).isEqualTo("'aaaaaaaa...' is greater than 63 characters");
        assertThat(parse("horse=" + "a".repeat(63))).hasSize(1);
    }

    @Test
    void aParenthesizedValueAfterEqualsIsRefusedAsAValue() {
        assertThat(failure("foo=(a,b)")).isEqualTo("'(a' contains invalid characters");
    }

    @Test
    void onlyTheFirstValueErrorOfARequirementIsReported() {
        assertThat(failure("foo in (-a,-b)")).isEqualTo("'-a' starts or ends with invalid characters");
    }

    @Test
    void aKeyErrorHidesTheValueErrors() {
        assertThat(failure("-k=-v")).isEqualTo("'-k' starts or ends with invalid characters");
    }

    @Test
    void everyFailingRequirementIsReportedJoinedWithCommas() {
        assertThat(failure("ok,!,-k,foo in (a b),!")).isEqualTo("Invalid label_selector value, "
                + "'-k' starts or ends with invalid characters, 'a b' contains invalid characters, "
                + "Invalid label_selector value");
    }

    @Test
    void errorsListsTheProblemsWithoutThrowing() {
        assertThat(LabelSelector.errors("a=b")).isEmpty();
        assertThat(LabelSelector.errors("")).containsExactly("Missing label_selector value");
        assertThat(LabelSelector.errors("!,-a")).containsExactly("Invalid label_selector value",
                "'-a' starts or ends with invalid characters");
    }

    @Test
    void longSelectorsDoNotOverflowTheStack() {
        String raw = "k in (" + "a".repeat(200_000) + ")";
        assertThat(failure(raw)).isEqualTo("'aaaaaaaa...' is greater than 63 characters");
        assertThat(failure("x".repeat(200_000) + ",,")).isEqualTo("'xxxxxxxx...' is greater than 63 characters");
    }
}
