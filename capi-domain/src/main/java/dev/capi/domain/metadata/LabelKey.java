package dev.capi.domain.metadata;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules for a label or annotation key: an optional DNS-subdomain {@code prefix/} followed by a short name. */
public final class LabelKey {
    /** The longest key name (and label value) the reference accepts. */
    public static final int MAX_NAME_LENGTH = 63;
    /** The longest key prefix the reference accepts. */
    public static final int MAX_PREFIX_LENGTH = 253;
    /** The prefix nobody but Cloud Foundry itself may use (compared case-insensitively). */
    public static final String RESERVED_PREFIX = "cloudfoundry.org";

    private static final String SEPARATOR = "/";
    private static final String DNS_LABEL = "([a-z0-9]|[a-z0-9][a-z0-9-]{0,61}[a-z0-9])";
    private static final Pattern DNS_NAME = Pattern.compile("\\A(" + DNS_LABEL + "\\.)+" + DNS_LABEL + "\\Z",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNIX_LINES);

    private LabelKey() {
    }

    /**
     * Splits a full key into {@code {prefix, name}}: the prefix is {@code ""} when the key has no {@code /}; with more
     * than one {@code /} only the first two parts count (such keys never pass {@link #error}).
     */
    public static String[] splitKey(String fullKey) {
        String prefix = prefixOrNull(fullKey);
        return new String[] {prefix == null ? "" : prefix, name(fullKey)};
    }

    /**
     * The reference's key error text (without the {@code "label key error: "} lead), or empty when the key is valid.
     */
    public static Optional<String> error(String fullKey) {
        String key = fullKey == null ? "" : fullKey;
        if (Text.isBlank(key)) {
            return Optional.of("key cannot be empty string");
        }
        if (key.chars().filter(c -> c == '/').count() > 1) {
            return Optional.of("key has more than one '/'");
        }
        String prefix = prefixOrNull(key);
        if (prefix != null) {
            if (!DNS_NAME.matcher(prefix).find()) {
                return Optional.of("prefix '" + prefix + "' must be in valid dns format");
            }
            if (Text.length(prefix) > MAX_PREFIX_LENGTH) {
                return Optional.of("prefix '" + Text.head8(prefix) + "...' is greater than " + MAX_PREFIX_LENGTH
                        + " characters");
            }
            if (prefix.toLowerCase(Locale.ROOT).equals(RESERVED_PREFIX)) {
                return Optional.of("prefix '" + RESERVED_PREFIX + "' is reserved");
            }
        }
        return nameError(name(key));
    }

    private static Optional<String> nameError(String name) {
        if (Text.isBlank(name)) {
            return Optional.of("key cannot be empty string");
        }
        if (Text.hasInvalidCharacter(name)) {
            return Optional.of("'" + name + "' contains invalid characters");
        }
        if (!Text.startsAndEndsAlphanumeric(name)) {
            return Optional.of("'" + name + "' starts or ends with invalid characters");
        }
        if (Text.length(name) > MAX_NAME_LENGTH) {
            return Optional.of("'" + Text.head8(name) + "...' is greater than " + MAX_NAME_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /** Like Ruby's {@code key.split('/')}: {@code null} without a separator, and also for a lone {@code "/"}. */
    private static String prefixOrNull(String key) {
        if (!key.contains(SEPARATOR)) {
            return null;
        }
        String[] parts = key.split(SEPARATOR);
        return parts.length == 0 ? null : parts[0];
    }

    private static String name(String key) {
        if (!key.contains(SEPARATOR)) {
            return key;
        }
        String[] parts = key.split(SEPARATOR);
        return parts.length > 1 ? parts[1] : "";
    }
}
