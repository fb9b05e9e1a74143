package dev.capi.domain.query;

import java.util.List;

/** A parsed {@code label_selector}: requirements that are ANDed. (Placeholder until the parser lands.) */
public record LabelSelector(List<LabelRequirement> requirements) {
    public static LabelSelector parse(String raw) {
        throw new UnsupportedOperationException("label selector parser not merged yet");
    }
}
