package dev.capi.domain.support;

/**
 * Ruby's {@code /\A[[:print:]]+\Z/} as the reference's models use it for names: one or more printable characters
 * (Onigmo's Unicode {@code print}: anything but white space, control, unassigned and surrogate code points, plus
 * space separators), optionally followed by one newline ({@code \Z}).
 */
public final class Printable {
    private Printable() {
    }

    public static boolean matches(String value) {
        if (value == null) {
            return false;
        }
        String body = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        if (body.isEmpty()) {
            return false;
        }
        return body.codePoints().allMatch(Printable::printable);
    }

    static boolean printable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.UNASSIGNED, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
