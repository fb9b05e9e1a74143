package dev.capi.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A resource's labels and annotations: immutable, insertion-ordered maps from full key to a non-null value. */
public record Metadata(Map<String, String> labels, Map<String, String> annotations) {

    private static final Metadata EMPTY = new Metadata(Map.of(), Map.of());

    /** Copies both maps in their order; a {@code null} map is taken as empty, {@code null} keys or values are refused. */
    public Metadata {
        labels = copy(labels, "label");
        annotations = copy(annotations, "annotation");
    }

    /** No labels and no annotations. */
    public static Metadata empty() {
        return EMPTY;
    }

    /**
     * The deep merge of a PATCH: per map, a key with a {@code null} value is deleted, a new key is added (at the end),
     * an existing key is overwritten in place, absent keys are untouched, and a map that was not given changes nothing.
     */
    public Metadata apply(MetadataUpdate update) {
        if (update == null) {
            return this;
        }
        return new Metadata(merge(labels, update.labels()), merge(annotations, update.annotations()));
    }

    private static Map<String, String> merge(Map<String, String> current, Map<String, String> changes) {
        if (changes == null || changes.isEmpty()) {
            return current;
        }
        Map<String, String> merged = new LinkedHashMap<>(current);
        changes.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static Map<String, String> copy(Map<String, String> source, String kind) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        source.forEach((key, value) -> copy.put(
                Objects.requireNonNull(key, kind + " key"),
                Objects.requireNonNull(value, () -> kind + " value of '" + key + "'")));
        return Collections.unmodifiableMap(copy);
    }
}
