package dev.capi.server.identity;

import dev.capi.domain.identity.Account;
import dev.capi.domain.identity.AccountStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The SCIM user filters cf and cf-java-client send: {@code userName eq "x"}, {@code origin eq "y"},
 * {@code id eq "z"}, joined with {@code and} / {@code or} ({@code and} binds tighter) and grouped with parentheses;
 * attribute names and operators are case-insensitive, and so is the userName value (SCIM's caseExact false).
 */
final class ScimFilter {
    private sealed interface Node permits Term, And, Or {
    }

    private record Term(String attribute, String value) implements Node {
    }

    private record And(List<Node> parts) implements Node {
    }

    private record Or(List<Node> parts) implements Node {
    }

    private final Node root;

    private ScimFilter(Node root) {
        this.root = root;
    }

    /** Parses a filter; throws {@link IllegalArgumentException} (message fit for the client) when invalid. */
    static ScimFilter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            throw new IllegalArgumentException("A filter is required");
        }
        Parser parser = new Parser(filter);
        Node root = parser.or();
        if (parser.peek() != null) {
            throw parser.error();
        }
        return new ScimFilter(root);
    }

    boolean test(Account account) {
        return test(root, account);
    }

    /** The matching accounts in store order, reading only the accounts the filter can match when it allows. */
    List<Account> select(AccountStore store) {
        List<Account> candidates;
        Optional<String> id = required(root, "id");
        Optional<String> username = required(root, "username");
        if (id.isPresent()) {
            candidates = store.findByGuid(id.get()).map(List::of).orElse(List.of());
        } else if (username.isPresent()) {
            candidates = store.search(username.get(), null);
        } else {
            candidates = store.list();
        }
        return candidates.stream().filter(this::test).toList();
    }

    /** The value an attribute must have for the whole filter to match (a term of the top-level conjunction). */
    private static Optional<String> required(Node node, String attribute) {
        if (node instanceof Term t) {
            return t.attribute().equals(attribute) ? Optional.of(t.value()) : Optional.empty();
        }
        if (node instanceof And and) {
            for (Node part : and.parts()) {
                Optional<String> v = required(part, attribute);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean test(Node node, Account a) {
        if (node instanceof And and) {
            return and.parts().stream().allMatch(p -> test(p, a));
        }
        if (node instanceof Or or) {
            return or.parts().stream().anyMatch(p -> test(p, a));
        }
        Term t = (Term) node;
        return switch (t.attribute()) {
            case "username" -> t.value().equalsIgnoreCase(a.username());
            case "origin" -> t.value().equals(a.origin());
            case "id" -> t.value().equals(a.guid());
            default -> false;
        };
    }

    /** Recursive descent over tokens: words, quoted strings, parentheses. */
    private static final class Parser {
        private final String text;
        private final List<String> tokens = new ArrayList<>();
        private final List<Boolean> quoted = new ArrayList<>();
        private int pos;

        Parser(String text) {
            this.text = text;
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(' || c == ')') {
                    add(String.valueOf(c), false);
                    i++;
                } else if (c == '"') {
                    StringBuilder value = new StringBuilder();
                    i++;
                    while (i < text.length() && text.charAt(i) != '"') {
                        if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                            i++;
                        }
                        value.append(text.charAt(i++));
                    }
                    if (i >= text.length()) {
                        throw error();
                    }
                    i++;
                    add(value.toString(), true);
                } else {
                    int start = i;
                    while (i < text.length() && !Character.isWhitespace(text.charAt(i))
                            && "()\"".indexOf(text.charAt(i)) < 0) {
                        i++;
                    }
                    add(text.substring(start, i), false);
                }
            }
        }

        private void add(String token, boolean isQuoted) {
            tokens.add(token);
            quoted.add(isQuoted);
        }

        String peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }

        private boolean keyword(String word) {
            String t = peek();
            if (t != null && !quoted.get(pos) && t.equalsIgnoreCase(word)) {
                pos++;
                return true;
            }
            return false;
        }

        Node or() {
            List<Node> parts = new ArrayList<>(List.of(and()));
            while (keyword("or")) {
                parts.add(and());
            }
            return parts.size() == 1 ? parts.get(0) : new Or(parts);
        }

        private Node and() {
            List<Node> parts = new ArrayList<>(List.of(atom()));
            while (keyword("and")) {
                parts.add(atom());
            }
            return parts.size() == 1 ? parts.get(0) : new And(parts);
        }

        private Node atom() {
            if (keyword("(")) {
                Node inner = or();
                if (!keyword(")")) {
                    throw error();
                }
                return inner;
            }
            String attribute = peek();
            if (attribute == null || quoted.get(pos)) {
                throw error();
            }
            pos++;
            String normalized = attribute.toLowerCase(Locale.ROOT);
            if (!List.of("username", "origin", "id").contains(normalized)) {
                throw new IllegalArgumentException("Invalid filter attribute: " + attribute
                        + " (supported: userName, origin, id)");
            }
            if (!keyword("eq")) {
                throw new IllegalArgumentException("Invalid filter expression: [" + text
                        + "] (only the eq operator is supported)");
            }
            String value = peek();
            if (value == null || !quoted.get(pos)) {
                throw error();
            }
            pos++;
            return new Term(normalized, value);
        }

        IllegalArgumentException error() {
            return new IllegalArgumentException("Invalid filter expression: [" + text + "]");
        }
    }
}
