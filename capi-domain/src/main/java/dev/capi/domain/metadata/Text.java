package dev.capi.domain.metadata;

import java.util.regex.Pattern;

/** String helpers that count and cut by characters (code points) and test blankness the way the reference does. */
final class Text {
    private static final Pattern BLANK = Pattern.compile("\\A\\p{IsWhite_Space}*\\z");
    private static final Pattern INVALID_CHARACTER = Pattern.compile("[^\\w\\-.]");

    private Text() {
    }

    /** Empty or only whitespace (Unicode White_Space), like ActiveSupport's {@code blank?}. */
    static boolean isBlank(String s) {
        return s == null || BLANK.matcher(s).matches();
    }

    /** The number of characters, counting a surrogate pair as one. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The first eight characters, as the reference shows an over-long text. */
    static String head8(String s) {
        return length(s) <= 8 ? s : s.substring(0, s.offsetByCodePoints(0, 8));
    }

    /** Whether a label name or value holds a character outside {@code [A-Za-z0-9_.-]}. */
    static boolean hasInvalidCharacter(String s) {
        return INVALID_CHARACTER.matcher(s).find();
    }

    /** Whether a text of valid characters starts and ends with an ASCII letter or digit. */
    static boolean startsAndEndsAlphanumeric(String s) {
        return !s.isEmpty() && isAsciiAlphanumeric(s.charAt(0)) && isAsciiAlphanumeric(s.charAt(s.length() - 1));
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
