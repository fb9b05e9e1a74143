package dev.capi.rest.v3.processes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.processes.ProcessCommands;
import dev.capi.domain.processes.ProcessCommands.Change;
import dev.capi.domain.processes.ProcessFilter;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.ListSpec;

import java.util.List;
import java.util.regex.Pattern;

/** Parses and validates process requests (list parameters, bodies) into domain commands, with the reference's texts. */
final class ProcessMessages {
    /** {@code GET /v3/processes}. */
    static final ListSpec LIST = ListSpec.of(ProcessFilter.LIST).labelSelector().extraKeys("embed");
    /** {@code GET /v3/apps/:guid/processes}. */
    static final ListSpec APP_LIST = ListSpec.of(ProcessFilter.APP_LIST).labelSelector().extraKeys("embed");
    static final long MAX_INT = 2147483647L;
    static final long MAX_BIGINT = 9223372036854775807L;
    private static final List<String> CHECK_TYPES = List.of("port", "process", "http");
    private static final Pattern URI_PATH = Pattern.compile("\\A/[^\\s?#]*(\\?[^\\s#]*)?\\z");

    private ProcessMessages() {
    }

    /** {@code command}, {@code user}, {@code health_check}, {@code readiness_health_check}, {@code metadata}. */
    static ProcessCommands.Update update(String raw) {
        Body body = Body.parse(raw, "command", "user", "health_check", "readiness_health_check", "metadata");
        Change<String> command = text(body, "command", 4096);
        Change<String> user = text(body, "user", 255);
        var health = check(body, "health_check", "Health check", true);
        var readiness = check(body, "readiness_health_check", "Readiness health check", false);
        var metadata = body.metadata();
        body.validate();
        return new ProcessCommands.Update(command, user, health, readiness, metadata);
    }

    /** {@code instances}, {@code memory_in_mb}, {@code disk_in_mb}, {@code log_rate_limit_in_bytes_per_second}. */
    static ProcessCommands.Scale scale(String raw) {
        Body body = Body.parse(raw, "instances", "memory_in_mb", "disk_in_mb", "log_rate_limit_in_bytes_per_second");
        Long instances = number(body, body.json().get("instances"), "Instances", 0, false, MAX_INT);
        Long memory = number(body, body.json().get("memory_in_mb"), "Memory in mb", 0, true, MAX_INT);
        Long disk = number(body, body.json().get("disk_in_mb"), "Disk in mb", 0, true, MAX_INT);
        Long logRate = number(body, body.json().get("log_rate_limit_in_bytes_per_second"),
                "Log rate limit in bytes per second", -1, false, MAX_BIGINT);
        body.validate();
        return new ProcessCommands.Scale(instances == null ? null : instances.intValue(), memory, disk, logRate);
    }

    private static Change<String> text(Body body, String key, int max) {
        if (!body.has(key)) {
            return null;
        }
        JsonNode node = body.json().get(key);
        if (node.isNull()) {
            return Change.to(null);
        }
        String what = Body.humanize(key);
        if (!node.isTextual()) {
            body.error(what + " must be a string");
            return null;
        }
        String value = node.asText();
        if (value.isEmpty() || value.length() > max) {
            body.error(what + " must be between 1 and " + max + " characters");
            return null;
        }
        return Change.to(value);
    }

    private static ProcessCommands.CheckUpdate check(Body body, String key, String what, boolean withTimeout) {
        if (!body.has(key) || body.isNull(key)) {
            return null;
        }
        JsonNode node = body.json().get(key);
        if (!node.isObject()) {
            body.error(what + " must be an object");
            return null;
        }
        Change<String> type = null;
        if (node.has("type")) {
            JsonNode t = node.get("type");
            if (!t.isTextual() || !CHECK_TYPES.contains(t.asText())) {
                body.error(what + " type must be \"port\", \"process\", or \"http\"");
            } else {
                type = Change.to(t.asText());
            }
        }
        JsonNode data = node.get("data");
        if (data != null && !data.isNull() && !data.isObject()) {
            body.error(what + " data must be an object");
            data = null;
        }
        Change<Integer> timeout = null;
        Change<Integer> invocation = null;
        Change<Integer> interval = null;
        Change<String> endpoint = null;
        if (data != null && !data.isNull()) {
            if (withTimeout && data.has("timeout")) {
                timeout = intChange(body, data.get("timeout"), what + " timeout");
            }
            if (data.has("invocation_timeout")) {
                invocation = intChange(body, data.get("invocation_timeout"), what + " invocation timeout");
            }
            if (data.has("interval")) {
                interval = intChange(body, data.get("interval"), what + " interval");
            }
            if (data.has("endpoint")) {
                JsonNode e = data.get("endpoint");
                if (e.isNull()) {
                    endpoint = Change.to(null);
                } else if (!e.isTextual() || !URI_PATH.matcher(e.asText()).matches()) {
                    body.error(what + " endpoint must be a valid URI path");
                } else if (e.asText().length() > 255) {
                    body.error(what + " endpoint is too long (maximum is 255 characters)");
                } else {
                    endpoint = Change.to(e.asText());
                }
            }
        }
        return new ProcessCommands.CheckUpdate(type, endpoint, timeout, invocation, interval);
    }

    private static Change<Integer> intChange(Body body, JsonNode node, String what) {
        if (node.isNull()) {
            return Change.to(null);
        }
        Long v = number(body, node, what, 1, false, MAX_INT);
        return v == null ? null : Change.to(v.intValue());
    }

    /**
     * Rails' numericality: "is not a number", "must be an integer", then the bound ("must be greater than (or equal
     * to) N", "must be less than or equal to M"). Null when absent, null or invalid.
     */
    static Long number(Body body, JsonNode node, String what, long min, boolean exclusive, long max) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            body.error(what + " is not a number");
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            body.error(what + " must be an integer");
            return null;
        }
        long v = node.asLong();
        if (exclusive ? v <= min : v < min) {
            body.error(what + " must be greater than " + (exclusive ? "" : "or equal to ") + min);
            return null;
        }
        if (v > max) {
            body.error(what + " must be less than or equal to " + max);
            return null;
        }
        return v;
    }
}
