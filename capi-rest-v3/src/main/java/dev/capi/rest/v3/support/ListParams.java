package dev.capi.rest.v3.support;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.query.LabelSelector;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.TimestampFilter;
import dev.capi.domain.query.Visibility;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses a list request's query string against its {@link ListSpec} into a {@link ListQuery}: unknown keys, bad
 * pages, orders, timestamps, selectors and includes are refused with the reference's texts, all problems joined.
 */
public final class ListParams {
    private static final Pattern TIMESTAMP = Pattern.compile("\\A\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\\z");
    private static final Pattern RELATIONAL = Pattern.compile("^(created_ats|updated_ats)\\[(.*)]$");

    private final ListSpec spec;
    private final Map<String, String> raw;
    private final ListQuery query;
    private final List<String> includes;

    private ListParams(ListSpec spec, Map<String, String> raw) {
        this.spec = spec;
        this.raw = raw;
        List<String> errors = new ArrayList<>();
        checkKeys(errors);
        java.math.BigInteger requestedPage = page(errors);
        int perPage = perPage(errors);
        long page = boundedPage(requestedPage, perPage, errors);
        OrderBy order = orderBy(errors);
        List<TimestampFilter> timestamps = timestamps(errors);
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String key : spec.filters) {
            if (raw.containsKey(key)) {
                filters.put(key, splitValues(raw.get(key)));
            }
        }
        negatedFilters(filters, errors);
        includes = includes(errors);
        LabelSelector selector = null;
        if (errors.isEmpty() && spec.labelSelector && raw.containsKey("label_selector")) {
            List<String> problems = LabelSelector.errors(raw.get("label_selector"));
            if (problems.isEmpty()) {
                selector = LabelSelector.parse(raw.get("label_selector"));
            } else {
                errors.addAll(problems);
            }
        }
        if (!errors.isEmpty()) {
            throw failure(String.join(", ", errors));
        }
        this.query = new ListQuery(page, perPage, order, filters, timestamps, selector, Visibility.everything());
    }

    /** Parses the request's query parameters (first value of each key). */
    public static ListParams parse(UriInfo uri, ListSpec spec) {
        return new ListParams(spec, firstValues(uri.getQueryParameters()));
    }

    public static Map<String, String> firstValues(MultivaluedMap<String, String> params) {
        Map<String, String> raw = new LinkedHashMap<>();
        params.forEach((k, v) -> raw.put(k, v.isEmpty() ? "" : v.get(v.size() - 1)));
        return raw;
    }

    private CfException failure(String detail) {
        return spec.unprocessableOnError ? CfException.unprocessable(detail) : CfException.badQuery(detail);
    }

    public ListQuery query() {
        return query;
    }

    /** The raw (decoded) query parameters as the client sent them, for pagination links. */
    public Map<String, String> raw() {
        return raw;
    }

    public List<String> includes() {
        return includes;
    }

    public boolean includes(String include) {
        return includes.contains(include);
    }

    /** Splits a multi-value filter on commas (an empty string is one empty value). */
    public static List<String> splitValues(String value) {
        if (value.isEmpty()) {
            return List.of("");
        }
        return Arrays.asList(value.split(",", -1));
    }

    private List<String> validKeys() {
        List<String> keys = new ArrayList<>(List.of("page", "per_page", "order_by"));
        keys.addAll(spec.filters);
        if (spec.labelSelector) {
            keys.add("label_selector");
        }
        if (!spec.includes.isEmpty()) {
            keys.add("include");
        }
        if (spec.timestamps) {
            if (spec.createdAts) {
                keys.add("created_ats");
            }
            if (spec.updatedAts) {
                keys.add("updated_ats");
            }
        }
        keys.addAll(spec.extraKeys);
        return keys;
    }

    private void checkKeys(List<String> errors) {
        List<String> valid = validKeys();
        Set<String> unknown = new LinkedHashSet<>();
        for (String key : raw.keySet()) {
            var m = RELATIONAL.matcher(key);
            String base = m.matches() ? m.group(1) : key;
            boolean extraPrefix = spec.extraKeys.stream().anyMatch(e -> e.endsWith("[") && key.startsWith(e));
            boolean negation = spec.negatable.stream().anyMatch(f -> key.startsWith(f + "[") && key.endsWith("]"));
            if (!valid.contains(base) && !extraPrefix && !negation) {
                unknown.add(key);
            }
        }
        if (!spec.createdAts && raw.keySet().stream().anyMatch(k -> k.startsWith("created_ats"))) {
            errors.add("Filtering by 'created_ats' is not allowed on this resource.");
            unknown.removeIf(k -> k.startsWith("created_ats"));
        }
        if (!spec.updatedAts && raw.keySet().stream().anyMatch(k -> k.startsWith("updated_ats"))) {
            errors.add("Filtering by 'updated_ats' is not allowed on this resource.");
            unknown.removeIf(k -> k.startsWith("updated_ats"));
        }
        if (!unknown.isEmpty()) {
            errors.add("Unknown query parameter(s): '" + String.join("', '", unknown) + "'. Valid parameters are: '"
                    + String.join("', '", valid.stream().filter(k -> !k.endsWith("[")).toList()) + "'");
        }
    }

    /** The reference's page rule: a positive integer (any size; page * per_page is bounded separately). */
    private java.math.BigInteger page(List<String> errors) {
        if (!raw.containsKey("page")) {
            return java.math.BigInteger.ONE;
        }
        String v = raw.get("page");
        if (v.matches("\\d{1,100}") && new java.math.BigInteger(v).signum() > 0) {
            return new java.math.BigInteger(v);
        }
        errors.add("Page must be a positive integer");
        return java.math.BigInteger.ONE;
    }

    private int perPage(List<String> errors) {
        if (!raw.containsKey("per_page")) {
            return 50;
        }
        String v = raw.get("per_page");
        if (!v.matches("\\d{1,100}") || new java.math.BigInteger(v).signum() == 0) {
            errors.add("Per page must be a positive integer");
            return 50;
        }
        if (v.length() > 4 || Integer.parseInt(v) > 5000) {
            errors.add("Per page must be between 1 and 5000");
            return 50;
        }
        return Integer.parseInt(v);
    }

    /** The reference refuses a page whose first row would lie past the largest result count it can address. */
    private static long boundedPage(java.math.BigInteger page, int perPage, List<String> errors) {
        var limit = java.math.BigInteger.valueOf(Long.MAX_VALUE);
        if (page.multiply(java.math.BigInteger.valueOf(perPage)).compareTo(limit) > 0) {
            errors.add("Maximum result (page * per_page) must be less than " + Long.MAX_VALUE);
            return 1;
        }
        return page.longValueExact();
    }

    private OrderBy orderBy(List<String> errors) {
        if (!raw.containsKey("order_by")) {
            return new OrderBy(spec.defaultOrderField, false, spec.defaultOrderExplicit);
        }
        String v = raw.get("order_by");
        boolean desc = v.startsWith("-");
        String field = v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
        if (!spec.orderFields.contains(field)) {
            errors.add("Order by can only be: '" + String.join("', '", spec.orderFields) + "'");
            return OrderBy.byId();
        }
        return new OrderBy(field, desc, true);
    }

    private List<TimestampFilter> timestamps(List<String> errors) {
        List<TimestampFilter> result = new ArrayList<>();
        if (!spec.timestamps) {
            return result;
        }
        for (var e : raw.entrySet()) {
            String key = e.getKey();
            String base;
            String op = null;
            var m = RELATIONAL.matcher(key);
            if (m.matches()) {
                base = m.group(1);
                op = m.group(2);
            } else if (key.equals("created_ats") || key.equals("updated_ats")) {
                base = key;
            } else {
                continue;
            }
            if (base.equals("updated_ats") && !spec.updatedAts || base.equals("created_ats") && !spec.createdAts) {
                continue;
            }
            String label = base.equals("created_ats") ? "Created ats" : "Updated ats";
            String column = base.equals("created_ats") ? "created_at" : "updated_at";
            List<String> values = splitValues(e.getValue());
            TimestampFilter.Op parsedOp;
            if (op == null) {
                parsedOp = TimestampFilter.Op.EQ;
            } else {
                switch (op) {
                    case "lt" -> parsedOp = TimestampFilter.Op.LT;
                    case "lte" -> parsedOp = TimestampFilter.Op.LTE;
                    case "gt" -> parsedOp = TimestampFilter.Op.GT;
                    case "gte" -> parsedOp = TimestampFilter.Op.GTE;
                    default -> {
                        errors.add("Invalid relational operator: '" + op + "'");
                        continue;
                    }
                }
                if (values.size() != 1) {
                    errors.add(label + " only accepts one value when using a relational operator");
                    continue;
                }
            }
            List<Instant> instants = new ArrayList<>();
            boolean ok = true;
            for (String v : values) {
                if (!TIMESTAMP.matcher(v).matches()) {
                    ok = false;
                    break;
                }
                try {
                    instants.add(Instant.parse(v));
                } catch (RuntimeException ex) {
                    ok = false;
                    break;
                }
            }
            if (!ok) {
                errors.add(label + " has an invalid timestamp format. Timestamps should be formatted as "
                        + "'YYYY-MM-DDThh:mm:ssZ'");
                continue;
            }
            result.add(new TimestampFilter(column, parsedOp, instants));
        }
        return result;
    }

    /**
     * {@code <filter>[not]=a,b} of a negatable filter becomes the filter {@code <filter>[not]}; another operator, or
     * no value, is the reference's "Target guids target_guids has an invalid operator".
     */
    private void negatedFilters(Map<String, List<String>> filters, List<String> errors) {
        for (String filter : spec.negatable) {
            for (var e : raw.entrySet()) {
                if (!e.getKey().startsWith(filter + "[") || !e.getKey().endsWith("]")) {
                    continue;
                }
                if (e.getKey().equals(filter + "[not]") && !e.getValue().isEmpty()) {
                    filters.put(e.getKey(), splitValues(e.getValue()));
                } else {
                    errors.add(Body.humanize(filter) + " " + filter + " has an invalid operator");
                }
            }
        }
    }

    private List<String> includes(List<String> errors) {
        if (spec.includes.isEmpty() || !raw.containsKey("include")) {
            return List.of();
        }
        return checkIncludes(raw.get("include"), spec.includes, errors);
    }

    private static List<String> checkIncludes(String rawValue, List<String> allowed, List<String> errors) {
        List<String> values = splitValues(rawValue);
        List<String> invalid = values.stream().filter(v -> !allowed.contains(v)).toList();
        if (!invalid.isEmpty()) {
            errors.add("Invalid included resource: '" + String.join("', '", invalid)
                    + "'. Valid included resources are: '" + String.join("', '", allowed) + "'");
        } else if (new LinkedHashSet<>(values).size() != values.size()) {
            errors.add("Duplicate included resource: '" + String.join("', '", values) + "'");
        }
        return values;
    }

    /** Parses {@code include} of a single-resource GET (refusing any other key) with the reference's texts. */
    public static List<String> singleInclude(UriInfo uri, String... allowed) {
        return singleInclude(uri, false, allowed);
    }

    /** As {@link #singleInclude(UriInfo, String...)}; {@code unprocessable} answers 422 instead of 400 (roles). */
    public static List<String> singleInclude(UriInfo uri, boolean unprocessable, String... allowed) {
        Map<String, String> raw = firstValues(uri.getQueryParameters());
        List<String> valid = allowed.length > 0 ? List.of("include") : List.of();
        List<String> errors = new ArrayList<>();
        List<String> unknown = raw.keySet().stream().filter(k -> !valid.contains(k)).toList();
        if (!unknown.isEmpty()) {
            errors.add("Unknown query parameter(s): '" + String.join("', '", unknown) + "'. Valid parameters are: '"
                    + String.join("', '", valid) + "'");
        }
        List<String> includes = raw.containsKey("include") && unknown.isEmpty()
                ? checkIncludes(raw.get("include"), List.of(allowed), errors) : List.of();
        if (!errors.isEmpty()) {
            String detail = String.join(", ", errors);
            throw unprocessable ? CfException.unprocessable(detail) : CfException.badQuery(detail);
        }
        return includes;
    }
}
