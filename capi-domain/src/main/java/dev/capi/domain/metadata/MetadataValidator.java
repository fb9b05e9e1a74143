package dev.capi.domain.metadata;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.model.Metadata;
import dev.capi.model.MetadataUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a metadata update against the reference's key, value and per-resource count rules. */
public final class MetadataValidator {
    /** The longest annotation value, in characters. */
    public static final int MAX_ANNOTATION_VALUE_LENGTH = 5000;
    /** The reference's default for {@code max_labels_per_resource}. */
    public static final int DEFAULT_MAX_LABELS = 50;
    /** The reference's default for {@code max_annotations_per_resource}. */
    public static final int DEFAULT_MAX_ANNOTATIONS = 200;

    /**
     * Every problem with the update, labels first then annotations, in map order, in the reference's texts such as
     * {@code "label key error: 'x y' contains invalid characters"}; the reference's 422 detail puts {@code "Metadata "}
     * before each text and joins them with {@code ", "}. Empty when the update is valid.
     */
    public List<String> validate(MetadataUpdate update) {
        List<String> problems = new ArrayList<>();
        if (update == null) {
            return problems;
        }
        if (update.labels() != null) {
            update.labels().forEach((key, value) -> {
                LabelKey.error(key).ifPresent(e -> problems.add("label key error: " + e));
                LabelValue.error(value).ifPresent(e -> problems.add("label value error: " + e));
            });
        }
        if (update.annotations() != null) {
            update.annotations().forEach((key, value) -> {
                if (!Text.isBlank(value)) {
                    LabelKey.error(key).ifPresent(e -> problems.add("annotation key error: " + e));
                }
                if (value != null && Text.length(value) > MAX_ANNOTATION_VALUE_LENGTH) {
                    problems.add("annotation value error: '" + Text.head8(value) + "...' is greater than "
                            + MAX_ANNOTATION_VALUE_LENGTH + " characters");
                }
            });
        }
        return problems;
    }

    /**
     * Refuses an update that would leave more labels (or annotations) than allowed, but only when it makes the count
     * grow: LabelLimitExceeded is checked before AnnotationLimitExceeded, each naming the number of keys in the
     * request's map (deletions included, as the reference does) and the maximum.
     */
    public void checkLimits(Metadata current, MetadataUpdate update, int maxLabels, int maxAnnotations) {
        if (update == null) {
            return;
        }
        Metadata before = current == null ? Metadata.empty() : current;
        Metadata after = before.apply(update);
        if (exceeds(before.labels(), after.labels(), maxLabels)) {
            throw CfException.of(CfError.LabelLimitExceeded, update.labels().size(), maxLabels);
        }
        if (exceeds(before.annotations(), after.annotations(), maxAnnotations)) {
            throw CfException.of(CfError.AnnotationLimitExceeded, update.annotations().size(), maxAnnotations);
        }
    }

    private static boolean exceeds(Map<String, ?> before, Map<String, ?> after, int max) {
        return before.size() < after.size() && after.size() > max;
    }
}
