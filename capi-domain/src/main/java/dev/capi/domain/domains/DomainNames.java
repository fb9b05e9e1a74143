package dev.capi.domain.domains;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The reference's rules for domain names (RFC 1035 labels, lengths) and the intermediate domains of a name. */
public final class DomainNames {
    public static final int MAXIMUM_FQDN_LENGTH = 253;
    public static final int MAXIMUM_LABEL_LENGTH = 63;
    public static final int MINIMUM_FQDN_LENGTH = 3;
    private static final Pattern DOMAIN = Pattern.compile(
            "\\A(([a-z0-9]|[a-z0-9][a-z0-9-]{0,61}[a-z0-9])\\.)+([a-z0-9]|[a-z0-9][a-z0-9-]{0,61}[a-z0-9])\\z",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LABELS = Pattern.compile("\\A([^.]{0,63}\\.)*[^.]{0,63}\\z");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9\\-.]", Pattern.CASE_INSENSITIVE);

    private DomainNames() {
    }

    /** Every problem with a (non-null) name, in the reference's order and texts ("Name ..."). */
    public static List<String> errors(String name) {
        List<String> errors = new ArrayList<>();
        if (name.length() < MINIMUM_FQDN_LENGTH) {
            errors.add("Name is too short (minimum is " + MINIMUM_FQDN_LENGTH + " characters)");
        } else if (name.length() > MAXIMUM_FQDN_LENGTH) {
            errors.add("Name is too long (maximum is " + MAXIMUM_FQDN_LENGTH + " characters)");
        }
        if (!validFormat(name)) {
            errors.add("Name does not comply with RFC 1035 standards");
        }
        if (!name.contains(".")) {
            errors.add("Name must contain at least one \".\"");
        }
        if (!LABELS.matcher(name).matches()) {
            errors.add("Name subdomains must each be at most " + MAXIMUM_LABEL_LENGTH + " characters");
        }
        if (NOT_ALPHANUMERIC.matcher(name).find()) {
            errors.add("Name must consist of alphanumeric characters and hyphens");
        }
        return errors;
    }

    public static boolean validFormat(String name) {
        return DOMAIN.matcher(name).matches();
    }

    /**
     * The domains from the second level down to the name itself ({@code a.b.example.com}: {@code example.com},
     * {@code b.example.com}, {@code a.b.example.com}); none for an invalid name.
     */
    public static List<String> intermediateDomains(String name) {
        if (name == null || !validFormat(name)) {
            return List.of();
        }
        String[] labels = name.split("\\.");
        List<String> result = new ArrayList<>();
        String current = labels[labels.length - 1];
        for (int i = labels.length - 2; i >= 0; i--) {
            current = labels[i] + "." + current;
            result.add(current);
        }
        return result;
    }

    /** The first label of a name (its host part when read as a route). */
    public static String hostname(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }

    /** The name without its first label. */
    public static String parent(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
