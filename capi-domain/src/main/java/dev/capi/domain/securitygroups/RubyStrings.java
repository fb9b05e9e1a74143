package dev.capi.domain.securitygroups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Ruby's {@code String#split} with a literal separator, whose edge cases the reference's validators rely on. */
final class RubyStrings {
    private RubyStrings() {
    }

    /**
     * {@code text.split(separator, limit)}: an empty text gives no pieces; a limit of 0 drops trailing empty pieces,
     * a negative limit keeps them, a positive limit splits at most {@code limit - 1} times.
     */
    static List<String> split(String text, String separator, int limit) {
        if (text.isEmpty()) {
            return List.of();
        }
        String[] pieces = text.split(Pattern.quote(separator), limit);
        return new ArrayList<>(Arrays.asList(pieces));
    }

    /** Ruby's {@code Array#inspect} of strings: {@code ["a", "b"]}. */
    static String inspect(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            quoted.add('"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return "[" + String.join(", ", quoted) + "]";
    }

    /** Ruby's {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
