package dev.capi.rest.v3.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The scalar values of a manifest (strings, booleans, integers, sizes, log rates), read with the reference's texts. */
final class ManifestValues {
    static final Pattern BYTES = Pattern.compile("^(\\d+)\\s*(B|K|KB|M|MB|G|GB|T|TB)$",
            Pattern.CASE_INSENSITIVE);
    static final String UNITS = "B, K, KB, M, MB, G, GB, T, or TB";

    private ManifestValues() {
    }

    static Map<String, String> strings(JsonNode node, List<String> problems, String label) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add("Metadata " + label.toLowerCase(Locale.ROOT) + " must be an object");
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText()));
        return map;
    }

    static String string(JsonNode node, String key, List<String> problems, String label) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            problems.add(label + " must be a string");
            return null;
        }
        return v.asText();
    }

    static Boolean bool(JsonNode node, String key, List<String> problems, String label) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            problems.add(label + " must be a boolean");
            return null;
        }
        return v.asBoolean();
    }

    static Integer nonNegativeInt(JsonNode node, String key, List<String> problems, String label) {
        Integer value = integer(node, key, problems, label);
        if (value != null && value < 0) {
            problems.add(label + " must be greater than or equal to 0");
            return null;
        }
        return value;
    }

    static Integer positiveInt(JsonNode node, String key, List<String> problems, String label) {
        Integer value = integer(node, key, problems, label);
        if (value != null && value < 1) {
            problems.add(label + " must be greater than or equal to 1");
            return null;
        }
        return value;
    }

    static Integer integer(JsonNode node, String key, List<String> problems, String label) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            problems.add(label + (v.isNumber() ? " must be an integer" : " is not a number"));
            return null;
        }
        return v.asInt();
    }

    /** "256M", "1G", "512MB" in megabytes (the reference's byte converter); anything else names the units. */
    static Long megabytes(JsonNode node, String key, List<String> problems, String label) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        Long bytes = bytes(v.asText().trim());
        if (bytes == null) {
            problems.add(label + " must use a supported unit: " + UNITS);
            return null;
        }
        long mb = bytes / (1024 * 1024);
        if (mb < 1) {
            problems.add(label + " must be greater than or equal to 1MB");
            return null;
        }
        return mb;
    }

    static Long logRate(JsonNode node, List<String> problems) {
        JsonNode v = node.get("log-rate-limit-per-second");
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.asText().trim().equals("-1")) {
            return -1L;
        }
        Long bytes = bytes(v.asText().trim());
        if (bytes == null) {
            problems.add("Log rate limit must use a supported unit: " + UNITS);
        }
        return bytes;
    }

    static Long bytes(String text) {
        Matcher m = BYTES.matcher(text);
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "B" -> n;
            case "K", "KB" -> n * 1024;
            case "M", "MB" -> n * 1024 * 1024;
            case "G", "GB" -> n * 1024 * 1024 * 1024;
            default -> n * 1024L * 1024 * 1024 * 1024;
        };
    }
}
