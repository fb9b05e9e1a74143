package dev.capi.domain.routes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference's route options: {@code loadbalancing} ({@code round-robin}, {@code least-connection}, and with the
 * {@code hash_based_routing} flag {@code hash} with {@code hash_header} and {@code hash_balance}); validation texts,
 * and the normalization the reference's model applies when it stores them.
 */
public final class RouteOptions {
    /** The reference's default {@code max_route_options_size}. */
    public static final int MAX_SIZE = 1024;

    private RouteOptions() {
    }

    /**
     * Problems with the options object (values are JSON scalars: String, Number, Boolean or null), each prefixed
     * "Options " as the reference's OptionsValidator reports them; {@code json} is the object's JSON text.
     */
    public static List<String> errors(Map<String, Object> options, String json, boolean hashRouting) {
        List<String> errors = new ArrayList<>();
        int size = json.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_SIZE) {
            errors.add("Options must be smaller than " + MAX_SIZE + " bytes (actual size is " + size + " bytes)");
        }
        List<String> known = List.of("loadbalancing", "hash_header", "hash_balance");
        List<String> unknown = options.keySet().stream().filter(k -> !known.contains(k)).toList();
        if (!unknown.isEmpty()) {
            errors.add("Options Unknown field(s): '" + String.join("', '", unknown) + "'");
        }
        List<String> algorithms = hashRouting ? List.of("round-robin", "least-connection", "hash")
                : List.of("round-robin", "least-connection");
        Object lb = options.get("loadbalancing");
        if (present(lb) && !algorithms.contains(lb)) {
            errors.add("Options Loadbalancing must be one of '" + String.join(", ", algorithms) + "' if present");
        }
        if (!hashRouting) {
            List<String> invalid = new ArrayList<>();
            for (String key : List.of("hash_header", "hash_balance")) {
                if (options.containsKey(key) && present(options.get(key))) {
                    invalid.add(key);
                }
            }
            if (!invalid.isEmpty()) {
                errors.add("Options Unknown field(s): '" + String.join("', '", invalid) + "'");
            }
            return errors;
        }
        Object header = options.get("hash_header");
        if (present(header) && String.valueOf(header).length() > 128) {
            errors.add("Options Hash header must be at most 128 characters");
        }
        Object balance = options.get("hash_balance");
        if (present(balance)) {
            String text = String.valueOf(balance);
            if (text.length() > 16) {
                errors.add("Options Hash balance must be at most 16 characters");
            } else {
                Double value = number(balance);
                if (value == null) {
                    errors.add("Options Hash balance must be a numeric value");
                } else if (!(value == 0 || (value >= 1.1 && value <= 10))) {
                    errors.add("Options Hash balance must be either 0 or between 1.1 and 10.0");
                }
            }
        }
        if (present(header) && present(lb) && !"hash".equals(lb)) {
            errors.add("Options Hash header can only be set when loadbalancing is hash");
        }
        if (present(balance) && present(lb) && !"hash".equals(lb)) {
            errors.add("Options Hash balance can only be set when loadbalancing is hash");
        }
        return errors;
    }

    private static boolean present(Object v) {
        return v != null && !(v instanceof String s && s.isBlank());
    }

    private static Double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * What the reference stores: hash options dropped unless loadbalancing is {@code hash}, {@code hash_balance}
     * rounded to one decimal and kept as text, null values removed. Values become strings.
     */
    public static Map<String, String> normalize(Map<String, Object> options) {
        Map<String, String> result = new LinkedHashMap<>();
        Object lb = options.get("loadbalancing");
        options.forEach((k, v) -> {
            if (v == null) {
                return;
            }
            if (!"hash".equals(lb) && (k.equals("hash_header") || k.equals("hash_balance"))) {
                return;
            }
            if (k.equals("hash_balance") && present(v)) {
                Double d = number(v);
                result.put(k, d == null ? String.valueOf(v) : Double.toString(Math.round(d * 10) / 10.0));
            } else {
                result.put(k, String.valueOf(v));
            }
        });
        return result;
    }

    /** The model check: {@code loadbalancing: hash} needs a {@code hash_header}. */
    public static String hashHeaderProblem(Map<String, String> stored) {
        if (stored != null && "hash".equals(stored.get("loadbalancing"))
                && (stored.get("hash_header") == null || stored.get("hash_header").isBlank())) {
            return "Hash header must be present when loadbalancing is set to hash.";
        }
        return null;
    }
}
