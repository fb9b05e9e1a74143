package dev.capi.rest.v3.quotas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.quotas.QuotaCommands.Limit;
import dev.capi.domain.quotas.QuotaCommands.LimitChanges;
import dev.capi.rest.v3.support.Body;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The limit objects of quota bodies ({@code apps}, {@code services}, {@code routes}, {@code domains}), read as the
 * reference's nested messages validate them: each problem prefixed with the object's name ("Apps Total memory in mb
 * must be an integer", "Routes Unknown field(s): 'x'").
 */
final class LimitMessages {
    static final BigInteger MAX_DB_INT = BigInteger.valueOf(Integer.MAX_VALUE);
    static final BigInteger MAX_DB_BIGINT = BigInteger.valueOf(Long.MAX_VALUE);
    private static final Pattern INTEGER = Pattern.compile("\\A[+-]?\\d+\\z");

    private LimitMessages() {
    }

    /** One numeric field of a limit object: its key, its limit, its maximum. */
    private record Field(String key, Limit limit, BigInteger max) {
    }

    private static final List<Field> APPS = List.of(
            new Field("total_memory_in_mb", Limit.TOTAL_MEMORY_IN_MB, MAX_DB_INT),
            new Field("per_process_memory_in_mb", Limit.PER_PROCESS_MEMORY_IN_MB, MAX_DB_INT),
            new Field("total_instances", Limit.TOTAL_INSTANCES, MAX_DB_INT),
            new Field("per_app_tasks", Limit.PER_APP_TASKS, MAX_DB_INT),
            new Field("log_rate_limit_in_bytes_per_second", Limit.LOG_RATE_LIMIT, MAX_DB_BIGINT));
    /** The reference validates service keys before service instances. */
    private static final List<Field> SERVICES = List.of(
            new Field("total_service_keys", Limit.TOTAL_SERVICE_KEYS, MAX_DB_INT),
            new Field("total_service_instances", Limit.TOTAL_SERVICE_INSTANCES, MAX_DB_INT));
    private static final List<Field> ROUTES = List.of(
            new Field("total_routes", Limit.TOTAL_ROUTES, MAX_DB_INT),
            new Field("total_reserved_ports", Limit.TOTAL_RESERVED_PORTS, MAX_DB_INT));
    private static final List<Field> DOMAINS = List.of(
            new Field("total_domains", Limit.TOTAL_DOMAINS, null));

    /**
     * Reads the limit objects the body names ({@code domains} only when {@code withDomains}), reporting problems to
     * the body; absent objects and keys change nothing.
     */
    static LimitChanges read(Body body, boolean withDomains) {
        Map<Limit, Long> numbers = new EnumMap<>(Limit.class);
        Boolean[] paid = {null};
        boolean[] paidRequested = {false};
        section(body, "apps", APPS, List.of(), numbers, null, null);
        section(body, "services", SERVICES, List.of("paid_services_allowed"), numbers, paid, paidRequested);
        section(body, "routes", ROUTES, List.of(), numbers, null, null);
        if (withDomains) {
            section(body, "domains", DOMAINS, List.of(), numbers, null, null);
        }
        return new LimitChanges(numbers, paid[0], paidRequested[0]);
    }

    private static void section(Body body, String name, List<Field> fields, List<String> booleans,
                                Map<Limit, Long> numbers, Boolean[] paid, boolean[] paidRequested) {
        if (!body.has(name)) {
            return;
        }
        String prefix = Body.humanize(name) + " ";
        JsonNode node = body.json().get(name);
        if (!node.isObject()) {
            body.error(prefix + "must be an object");
            return;
        }
        ObjectNode object = (ObjectNode) node;
        List<String> unknown = new ArrayList<>();
        object.fieldNames().forEachRemaining(k -> {
            if (fields.stream().noneMatch(f -> f.key().equals(k)) && !booleans.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            body.error(prefix + "Unknown field(s): '" + String.join("', '", unknown) + "'");
        }
        for (Field f : fields) {
            if (object.has(f.key())) {
                String problem = problem(object.get(f.key()), f.max());
                if (problem != null) {
                    body.error(prefix + Body.humanize(f.key()) + " " + problem);
                } else {
                    numbers.put(f.limit(), value(object.get(f.key())));
                }
            }
        }
        for (String key : booleans) {
            if (object.has(key)) {
                JsonNode v = object.get(key);
                paidRequested[0] = true;
                if (v.isNull()) {
                    paid[0] = null;
                } else if (v.isBoolean()) {
                    paid[0] = v.asBoolean();
                } else {
                    body.error(prefix + Body.humanize(key) + " must be a boolean");
                }
            }
        }
    }

    /** Rails' numericality (only integers, 0 or more, at most {@code max}); null is allowed (unlimited). */
    private static String problem(JsonNode v, BigInteger max) {
        if (v.isNull()) {
            return null;
        }
        BigInteger n;
        if (v.isIntegralNumber()) {
            n = v.bigIntegerValue();
        } else if (v.isNumber()) {
            return "must be an integer";
        } else if (v.isTextual() && INTEGER.matcher(v.asText()).matches()) {
            n = new BigInteger(v.asText());
        } else if (v.isTextual() && isFloat(v.asText())) {
            return "must be an integer";
        } else {
            return "is not a number";
        }
        if (n.signum() < 0) {
            return "must be greater than or equal to 0";
        }
        if (max != null && n.compareTo(max) > 0) {
            return "must be less than or equal to " + max;
        }
        if (max == null && n.compareTo(MAX_DB_BIGINT) > 0) {
            return "must be less than or equal to " + MAX_DB_BIGINT;
        }
        return null;
    }

    private static boolean isFloat(String s) {
        try {
            Double.parseDouble(s.trim());
            return !s.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Long value(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        return v.isTextual() ? Long.parseLong(v.asText().replace("+", "")) : v.longValue();
    }
}
