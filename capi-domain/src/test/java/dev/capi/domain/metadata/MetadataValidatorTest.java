package dev.capi.domain.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.model.Metadata;
import dev.capi.model.MetadataUpdate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataValidatorTest {

    private final MetadataValidator validator = new MetadataValidator();

    private static Map<String, String> map(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static Map<String, String> numbered(String prefix, int count) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            map.put(prefix + i, "v");
        }
        return map;
    }

    @Test
    void validLabelsPass() {
        MetadataUpdate update = new MetadataUpdate(
                map("potato", "mashed", "p_otato", "mashed", "p.otato", "mashed", "p-otato", "mashed", "empty", "",
                        "yams", null, "example.com/potato", "mashed"),
                null);
        assertThat(validator.validate(update)).isEmpty();
    }

    @Test
    void nullUpdateOrMapsPass() {
        assertThat(validator.validate(null)).isEmpty();
        assertThat(validator.validate(MetadataUpdate.none())).isEmpty();
    }

    @Test
    void labelKeyErrorsArePrefixed() {
        assertThat(validator.validate(new MetadataUpdate(map("potato mashed", "value"), null)))
                .containsExactly("label key error: 'potato mashed' contains invalid characters");
    }

    @Test
    void labelValueErrorsArePrefixed() {
        assertThat(validator.validate(new MetadataUpdate(map("key", "no spaces or ! allowed"), null)))
                .containsExactly("label value error: 'no spaces or ! allowed' contains invalid characters");
    }

    @Test
    void aLabelCanHaveBothAKeyAndAValueError() {
        assertThat(validator.validate(new MetadataUpdate(map("-k", "-v"), null))).containsExactly(
                "label key error: '-k' starts or ends with invalid characters",
                "label value error: '-v' starts or ends with invalid characters");
    }

    @Test
    void labelKeysAreValidatedEvenWhenTheValueDeletes() {
        assertThat(validator.validate(new MetadataUpdate(map("", "value3", "example.com/", null), null)))
                .containsExactly("label key error: key cannot be empty string",
                        "label key error: key cannot be empty string");
    }

    @Test
    void everyProblemIsReportedLabelsFirstInMapOrder() {
        MetadataUpdate update = new MetadataUpdate(
                map("cloudfoundry.org/key", "v", "a/b/c", "v", "ok", "b".repeat(64)),
                map("", "value", "key", "a".repeat(5001)));
        assertThat(validator.validate(update)).containsExactly(
                "label key error: prefix 'cloudfoundry.org' is reserved",
                "label key error: key has more than one '/'",
                "label value error: 'bbbbbbbb...' is greater than 63 characters",
                "annotation key error: key cannot be empty string",
                "annotation value error: 'aaaaaaaa...' is greater than 5000 characters");
    }

    @Test
    void annotationValuesMayBeAnyTextUpTo5000Characters() {
        MetadataUpdate update = new MetadataUpdate(null, map(
                "contacts", "Bill tel(1111111) email(bill@fixme), Bob tel(222222) pager(3333333#555)",
                "a".repeat(63), "b".repeat(5000)));
        assertThat(validator.validate(update)).isEmpty();
    }

    @Test
    void annotationValueLongerThan5000CharactersIsRejected() {
        assertThat(validator.validate(new MetadataUpdate(null, map("key", "oversize" + "x".repeat(4993)))))
                .containsExactly("annotation value error: 'oversize...' is greater than 5000 characters");
    }

    @Test
    void annotationValueLengthCountsCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00";
        assertThat(validator.validate(new MetadataUpdate(null, map("key", emoji.repeat(5000))))).isEmpty();
        assertThat(validator.validate(new MetadataUpdate(null, map("key", emoji.repeat(5001)))))
                .containsExactly("annotation value error: '" + emoji.repeat(8) + "...' is greater than 5000 characters");
    }

    @Test
    void annotationKeyErrorsArePrefixed() {
        assertThat(validator.validate(new MetadataUpdate(null, map("b".repeat(64), "value3", "*this*", "v"))))
                .containsExactly("annotation key error: 'bbbbbbbb...' is greater than 63 characters",
                        "annotation key error: '*this*' contains invalid characters");
    }

    @Test
    void annotationKeysAreNotValidatedWhenTheValueIsNullEmptyOrBlank() {
        MetadataUpdate update = new MetadataUpdate(null, map("b".repeat(64), "", "bad key", null, "*x*", "  "));
        assertThat(validator.validate(update)).isEmpty();
    }

    @Test
    void limitsAllowGrowthUpToTheMaximum() {
        Metadata current = new Metadata(numbered("l", 49), numbered("a", 199));
        assertThatCode(() -> validator.checkLimits(current, new MetadataUpdate(map("l49", "v"), map("a199", "v")),
                50, 200)).doesNotThrowAnyException();
    }

    @Test
    void labelLimitExceededWhenTheCountGrowsBeyondTheMaximum() {
        Metadata current = new Metadata(numbered("l", 50), Map.of());
        MetadataUpdate update = new MetadataUpdate(map("new", "v", "l0", "changed", "l1", null, "other", "v"), null);
        assertThatThrownBy(() -> validator.checkLimits(current, update, 50, 200))
                .isInstanceOfSatisfying(CfException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CfError.LabelLimitExceeded);
                    assertThat(e.kind().code()).isEqualTo(390020);
                    assertThat(e.kind().httpStatus()).isEqualTo(422);
                    assertThat(e.detail()).isEqualTo("Failed to add 4 labels because it would exceed maximum of 50");
                });
    }

    @Test
    void annotationLimitExceededWhenTheCountGrowsBeyondTheMaximum() {
        MetadataUpdate update = new MetadataUpdate(null, numbered("a", 3));
        assertThatThrownBy(() -> validator.checkLimits(Metadata.empty(), update, 50, 2))
                .isInstanceOfSatisfying(CfException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CfError.AnnotationLimitExceeded);
                    assertThat(e.kind().code()).isEqualTo(390023);
                    assertThat(e.detail())
                            .isEqualTo("Failed to add 3 annotations because it would exceed maximum of 2");
                });
    }

    @Test
    void labelLimitIsCheckedBeforeAnnotationLimit() {
        MetadataUpdate update = new MetadataUpdate(numbered("l", 2), numbered("a", 2));
        assertThatThrownBy(() -> validator.checkLimits(Metadata.empty(), update, 1, 1))
                .isInstanceOfSatisfying(CfException.class,
                        e -> assertThat(e.kind()).isEqualTo(CfError.LabelLimitExceeded));
    }

    @Test
    void alreadyOverTheLimitIsFineWhenTheCountDoesNotGrow() {
        Metadata current = new Metadata(numbered("l", 5), numbered("a", 5));
        MetadataUpdate overwrite = new MetadataUpdate(map("l0", "x"), map("a0", "x"));
        MetadataUpdate swap = new MetadataUpdate(map("l0", null, "new", "v"), map("a0", null, "new", "v"));
        MetadataUpdate shrink = new MetadataUpdate(map("l0", null), map("a0", null));
        for (MetadataUpdate update : new MetadataUpdate[] {overwrite, swap, shrink}) {
            assertThatCode(() -> validator.checkLimits(current, update, 2, 2)).doesNotThrowAnyException();
        }
    }

    @Test
    void growingWhileAlreadyOverTheLimitIsRefused() {
        Metadata current = new Metadata(numbered("l", 5), Map.of());
        assertThatThrownBy(() -> validator.checkLimits(current, new MetadataUpdate(map("new", "v"), null), 2, 2))
                .isInstanceOf(CfException.class);
    }

    @Test
    void limitsTreatNullCurrentAsEmptyAndNullUpdateAsNoChange() {
        assertThatCode(() -> validator.checkLimits(null, new MetadataUpdate(numbered("l", 2), null), 2, 2))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.checkLimits(new Metadata(numbered("l", 5), Map.of()), null, 2, 2))
                .doesNotThrowAnyException();
    }
}
