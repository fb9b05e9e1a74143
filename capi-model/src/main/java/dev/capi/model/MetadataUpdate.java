package dev.capi.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A requested change to a resource's labels and annotations: a {@code null} map means "not given", a {@code null}
 * value means "delete this key"; keys are full keys such as {@code example.com/env} or {@code env}.
 */
public record MetadataUpdate(Map<String, String> labels, Map<String, String> annotations) {

    /** Copies both maps, keeping their order and their {@code null} values; a {@code null} map stays {@code null}. */
    public MetadataUpdate {
        labels = copyAllowingNullValues(labels);
        annotations = copyAllowingNullValues(annotations);
    }

    /** An update that touches nothing. */
    public static MetadataUpdate none() {
        return new MetadataUpdate(null, null);
    }

    private static Map<String, String> copyAllowingNullValues(Map<String, String> source) {
        if (source == null) {
            return null;
        }
        Map<String, String> copy = new LinkedHashMap<>();
        source.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "metadata key"), value));
        return Collections.unmodifiableMap(copy);
    }
}
