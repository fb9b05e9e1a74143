package dev.capi.domain.metadata;

import java.util.Optional;

/** The rules for a label value: empty, or up to 63 of {@code [A-Za-z0-9_.-]} starting and ending alphanumeric. */
public final class LabelValue {
    private LabelValue() {
    }

    /**
     * The reference's value error text (without the {@code "label value error: "} lead), or empty when the value is
     * valid; {@code null} and {@code ""} are valid.
     */
    public static Optional<String> error(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (Text.hasInvalidCharacter(value)) {
            return Optional.of("'" + value + "' contains invalid characters");
        }
        if (!Text.startsAndEndsAlphanumeric(value)) {
            return Optional.of("'" + value + "' starts or ends with invalid characters");
        }
        if (Text.length(value) > LabelKey.MAX_NAME_LENGTH) {
            return Optional.of("'" + Text.head8(value) + "...' is greater than " + LabelKey.MAX_NAME_LENGTH
                    + " characters");
        }
        return Optional.empty();
    }
}
