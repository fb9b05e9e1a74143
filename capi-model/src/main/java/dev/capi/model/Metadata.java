package dev.capi.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Labels and annotations of a resource (full keys such as {@code example.com/env}). */
public record Metadata(Map<String, String> labels, Map<String, String> annotations) {
    public Metadata {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
    }

    /** Deep merge: null values delete, others add or overwrite, absent keys stay. */
    public Metadata apply(MetadataUpdate update) {
        if (update == null) {
            return this;
        }
        return new Metadata(merge(labels, update.labels()), merge(annotations, update.annotations()));
    }

    private static Map<String, String> merge(Map<String, String> current, Map<String, String> changes) {
        if (changes == null) {
            return current;
        }
        var merged = new LinkedHashMap<>(current);
        changes.forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        return merged;
    }

    public static Metadata empty() {
        return new Metadata(Map.of(), Map.of());
    }
}
