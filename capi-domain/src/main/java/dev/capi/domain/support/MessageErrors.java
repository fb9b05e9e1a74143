package dev.capi.domain.support;

import dev.capi.domain.errors.CfException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The problems of one request message, with the reference's texts, reported at once as 422 UnprocessableEntity
 * joined with {@code ", "} (each text once): "Name can't be blank, Name must be a string". Adapters read their JSON
 * and hand over plain values: a {@code String}, {@code null} for an absent or null field, and any other object for a
 * value of another JSON type.
 */
public final class MessageErrors {
    private final List<String> errors = new ArrayList<>();

    /** Turns "per_page" into "Per page", as Rails humanizes attribute names. */
    public static String humanize(String key) {
        String s = key.replace('_', ' ');
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public void add(String message) {
        errors.add(message);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** "Unknown field(s): 'a', 'b'" for the keys of {@code present} not in {@code allowed}. */
    public void unknownKeys(Iterable<String> present, List<String> allowed) {
        List<String> unknown = new ArrayList<>();
        for (String key : present) {
            if (!allowed.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            errors.add("Unknown field(s): '" + String.join("', '", unknown) + "'");
        }
    }

    /**
     * A string field; required means present, non-null and not blank. Returns the string, or null when it is absent
     * or refused (the problem recorded).
     */
    public String string(String key, Object value, boolean required, int maxLength) {
        if (value == null) {
            if (required) {
                errors.add(humanize(key) + " can't be blank");
                errors.add(humanize(key) + " must be a string");
            }
            return null;
        }
        if (!(value instanceof String s)) {
            errors.add(humanize(key) + " must be a string");
            return null;
        }
        if (ControlCharacters.present(s)) {
            errors.add(humanize(key) + " must not contain control characters");
            return null;
        }
        if (required && s.isBlank()) {
            errors.add(humanize(key) + " can't be blank");
            return null;
        }
        if (s.length() > maxLength) {
            errors.add(humanize(key) + " is too long (maximum is " + maxLength + " characters)");
            return null;
        }
        return s;
    }

    /** Throws 422 UnprocessableEntity with every recorded problem, if any. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw CfException.unprocessable(String.join(", ", new LinkedHashSet<>(errors)));
        }
    }
}
