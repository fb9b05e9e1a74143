package dev.capi.domain.servicebrokers;

import dev.capi.domain.support.JsonText;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field checks {@link CatalogReader} applies to a catalog's services and plans, each adding the reference's text
 * to {@link CatalogErrors} (types, required values, lengths, parameter schemas), and the small readers it shares.
 */
final class CatalogChecks {
    private static final int MAX_SCHEMA_SIZE = 65_536;

    private CatalogChecks() {
    }

    /** {@code service_instance.create/update} and {@code service_binding.create}: each a hash of parameter schemas. */
    static void schemas(Map<String, Object> schemas, CatalogErrors errors) {
        schemaGroup(errors, schemas, "service_instance", List.of("create", "update"));
        schemaGroup(errors, schemas, "service_binding", List.of("create"));
    }

    static void schemaGroup(CatalogErrors errors, Map<String, Object> schemas, String group,
                                    List<String> operations) {
        Object data = schemas.get(group);
        if (data == null) {
            return;
        }
        if (!(data instanceof Map<?, ?> m)) {
            errors.add("Schemas " + group + " must be a hash, but has value " + RubyInspect.of(data));
            return;
        }
        for (String op : operations) {
            Object opData = m.get(op);
            if (opData == null) {
                continue;
            }
            String path = "Schemas " + group + "." + op;
            if (!(opData instanceof Map<?, ?> opMap)) {
                errors.add(path + " must be a hash, but has value " + RubyInspect.of(opData));
                continue;
            }
            Object parameters = opMap.get("parameters");
            if (parameters == null) {
                continue;
            }
            if (!(parameters instanceof Map<?, ?> schema)) {
                errors.add(path + ".parameters must be a hash, but has value " + RubyInspect.of(parameters));
                continue;
            }
            if (JsonText.write(schema).length() > MAX_SCHEMA_SIZE) {
                errors.add(path + ".parameters Must not be larger than 64KB");
            } else if (schema.get("$schema") == null) {
                errors.add(path + ".parameters Schema must have $schema key but was not present");
            }
        }
    }

    static void string(CatalogErrors errors, String name, Object value, boolean required) {
        if (value != null && !(value instanceof String)) {
            errors.add(name + " must be a string, but has value " + RubyInspect.of(value));
            return;
        }
        if (required && (value == null || ((String) value).isBlank())) {
            errors.add(name + " is required");
        }
    }

    static void description(CatalogErrors errors, String name, Object value) {
        string(errors, name, value, true);
        if (value instanceof String s && s.length() > 10_000) {
            errors.add(name + " may not have more than 10000 characters");
        }
    }

    static void bool(CatalogErrors errors, String name, Object value, boolean required) {
        if (value != null && !(value instanceof Boolean)) {
            errors.add(name + " must be a boolean, but has value " + RubyInspect.of(value));
            return;
        }
        if (required && value == null) {
            errors.add(name + " is required");
        }
    }

    static void hash(CatalogErrors errors, String name, Object value) {
        if (!(value instanceof Map)) {
            errors.add(name + " must be a hash, but has value " + RubyInspect.of(value));
        }
    }

    /** True when the value is not an array of strings (and says so). */
    static boolean arrayOfStrings(CatalogErrors errors, String name, Object value) {
        if (value instanceof List<?> l && l.stream().allMatch(v -> v instanceof String)) {
            return false;
        }
        errors.add(name + " must be an array of strings, but has value " + RubyInspect.of(value));
        return true;
    }

    static boolean duplicates(List<?> values) {
        return new HashSet<>(values).size() < values.size();
    }

    static List<String> duplicateValues(List<String> values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    static List<String> strings(Object value) {
        return value instanceof List<?> l && l.stream().allMatch(v -> v instanceof String)
                ? l.stream().map(String.class::cast).toList() : List.of();
    }

    static String str(Object value) {
        return value instanceof String s ? s : null;
    }
}
