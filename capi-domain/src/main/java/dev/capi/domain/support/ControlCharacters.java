package dev.capi.domain.support;

/**
 * Control characters in what clients send: refused in names, string fields, paths and query strings (PostgreSQL
 * cannot even store NUL), and escaped wherever client input reaches a log line.
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    /** Whether {@code s} holds a C0 control character other than tab, line feed and carriage return, or DEL. */
    public static boolean present(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0x7f || c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** {@code s} with every control character (tab and line breaks included) written as {@code \\uXXXX}. */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
