package dev.capi.domain.blobs;

/**
 * The rules every {@link BlobStore} key obeys, so that no key can name anything outside the store: {@code /}-separated
 * segments such as {@code packages/<guid>} or {@code droplets/<guid>/<sha1>}; no empty segment (so no leading,
 * trailing or doubled {@code /}), no {@code .} or {@code ..} segment, no backslash and no NUL.
 */
public final class BlobKeys {
    private BlobKeys() {
    }

    /** Returns {@code key} unchanged if it is a valid key, else throws {@link IllegalArgumentException}. */
    public static String requireValid(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("blob key must not be empty");
        }
        if (key.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("blob key must not contain NUL");
        }
        if (key.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("blob key must not contain a backslash: " + key);
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("blob key must not have an empty segment (or be absolute): " + key);
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("blob key must not have a '" + segment + "' segment: " + key);
            }
        }
        return key;
    }

    /**
     * Validates a folder prefix for {@link BlobStore#deleteByPrefix}: a valid key, optionally followed by one
     * {@code /}. Returns it without the trailing {@code /}.
     */
    public static String requireValidPrefix(String prefix) {
        if (prefix != null && prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return requireValid(prefix);
    }
}
