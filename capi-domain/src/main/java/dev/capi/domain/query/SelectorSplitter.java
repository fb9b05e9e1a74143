package dev.capi.domain.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a label_selector into requirement texts at commas, except commas inside a {@code (...)} group, dropping empty
 * pieces; this reproduces the reference's scan with {@code (?:\(.*?\)|[^,])+} without a recursive regex.
 */
final class SelectorSplitter {
    private SelectorSplitter() {
    }

    static List<String> split(String raw) {
        List<String> pieces = new ArrayList<>();
        int i = 0;
        int n = raw.length();
        while (i < n) {
            if (raw.charAt(i) == ',') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && raw.charAt(i) != ',') {
                int close = raw.charAt(i) == '(' ? closingParenthesis(raw, i + 1) : -1;
                i = close >= 0 ? close + 1 : i + 1;
            }
            pieces.add(raw.substring(start, i));
        }
        return pieces;
    }

    /** The first {@code )} from {@code from} on, or -1 when there is none or a newline comes first (as {@code .} stops). */
    private static int closingParenthesis(String raw, int from) {
        for (int j = from; j < raw.length(); j++) {
            char c = raw.charAt(j);
            if (c == ')') {
                return j;
            }
            if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }
}
