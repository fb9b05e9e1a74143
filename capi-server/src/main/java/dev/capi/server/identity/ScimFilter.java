package dev.capi.server.identity;

import dev.capi.domain.identity.Account;
import dev.capi.domain.identity.AccountStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SCIM filters cf uses: {@code userName eq "x"}, {@code origin eq "y"}, {@code id eq "z"}, joined with
 * {@code and} (and {@code or} between alternatives), operators case-insensitive.
 */
final class ScimFilter {
    private static final Pattern TERM = Pattern.compile("(?i)\\s*(userName|origin|id)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

    private final List<Map<String, String>> alternatives;

    private ScimFilter(List<Map<String, String>> alternatives) {
        this.alternatives = alternatives;
    }

    static ScimFilter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            throw new IllegalArgumentException("A filter is required");
        }
        List<Map<String, String>> alternatives = new ArrayList<>();
        for (String alternative : filter.split("(?i)\\s+or\\s+")) {
            Map<String, String> terms = new LinkedHashMap<>();
            for (String term : alternative.replaceAll("[()]", " ").split("(?i)\\s+and\\s+")) {
                Matcher m = TERM.matcher(term);
                if (!m.matches()) {
                    throw new IllegalArgumentException("Invalid filter expression: [" + filter + "]");
                }
                terms.put(m.group(1).toLowerCase(), m.group(2).replace("\\\"", "\""));
            }
            alternatives.add(terms);
        }
        return new ScimFilter(alternatives);
    }

    List<Account> select(AccountStore store) {
        Map<String, Account> found = new LinkedHashMap<>();
        for (Map<String, String> terms : alternatives) {
            List<Account> candidates;
            if (terms.containsKey("id")) {
                candidates = store.findByGuid(terms.get("id")).map(List::of).orElse(List.of());
            } else if (terms.containsKey("username")) {
                candidates = store.search(terms.get("username"), terms.get("origin"));
            } else {
                throw new IllegalArgumentException("Filter by userName or id");
            }
            for (Account a : candidates) {
                boolean ok = (!terms.containsKey("origin") || terms.get("origin").equals(a.origin()))
                        && (!terms.containsKey("username") || terms.get("username").equalsIgnoreCase(a.username()));
                if (ok) {
                    found.put(a.guid(), a);
                }
            }
        }
        return new ArrayList<>(found.values());
    }
}
