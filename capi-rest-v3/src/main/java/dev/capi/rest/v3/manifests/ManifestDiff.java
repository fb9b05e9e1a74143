package dev.capi.rest.v3.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.manifests.ManifestSource;
import dev.capi.rest.v3.support.JsonSupport;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code manifest_diff}: what applying the manifest would change, as the reference's JSON-patch-like list
 * ({@code op} add/remove/replace, {@code path} {@code /applications/<i>/<key>...}, {@code was}, {@code value}).
 * Only keys the manifest gives are compared; list entries are matched by their identifier (a process's type, a
 * route's route); top-level memory and disk quota are skipped, as the reference does.
 */
final class ManifestDiff {
    private static final Set<String> RECOGNIZED = Set.of("name", "env", "buildpack", "buildpacks", "stack", "docker",
            "routes", "no-route", "random-route", "default-route", "processes", "sidecars", "services", "metadata",
            "instances", "command", "health-check-type", "health-check-http-endpoint",
            "health-check-invocation-timeout", "timeout", "log-rate-limit-per-second", "lifecycle", "features");
    private static final Set<String> SKIPPED_AT_TOP = Set.of("memory", "disk_quota", "disk-quota");
    private static final Map<String, String> IDENTIFIERS = Map.of("processes", "type", "routes", "route",
            "sidecars", "name");
    private static final Pattern SIZE = Pattern.compile("^(\\d+)\\s*(M|MB|G|GB|T|TB)$", Pattern.CASE_INSENSITIVE);

    private ManifestDiff() {
    }

    static ArrayNode diff(JsonNode applications, List<ManifestSource.Current> current) {
        ArrayNode ops = JsonSupport.MAPPER.createArrayNode();
        for (int i = 0; i < applications.size(); i++) {
            JsonNode given = applications.get(i);
            ObjectNode existing = current.get(i) == null ? JsonSupport.object()
                    : withWebAtTop(AppManifestPresenter.application(current.get(i)));
            var fields = given.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                if (!RECOGNIZED.contains(f.getKey()) || SKIPPED_AT_TOP.contains(f.getKey())) {
                    continue;
                }
                compare(ops, "/applications/" + i + "/" + f.getKey(), f.getKey(), existing.get(f.getKey()),
                        normalized(f.getKey(), f.getValue()));
            }
        }
        return ops;
    }

    private static ObjectNode withWebAtTop(ObjectNode app) {
        for (JsonNode p : app.path("processes")) {
            if ("web".equals(p.path("type").asText())) {
                p.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("type")) {
                        app.set(f.getKey(), f.getValue());
                    }
                });
            }
        }
        return app;
    }

    private static void compare(ArrayNode ops, String path, String key, JsonNode was, JsonNode value) {
        if (value == null || value.equals(was)) {
            return;
        }
        if (was == null || was.isNull()) {
            ops.addObject().put("op", "add").put("path", path).set("value", value);
            return;
        }
        if (was.isObject() && value.isObject()) {
            value.fields().forEachRemaining(f -> compare(ops, path + "/" + escape(f.getKey()), f.getKey(),
                    was.get(f.getKey()), f.getValue()));
            was.fields().forEachRemaining(f -> {
                if (!value.has(f.getKey()) && !IDENTIFIERS.containsValue(key)) {
                    ops.addObject().put("op", "remove").put("path", path + "/" + escape(f.getKey()))
                            .set("was", f.getValue());
                }
            });
            return;
        }
        String id = IDENTIFIERS.get(key);
        if (id != null && was.isArray() && value.isArray()) {
            for (int j = 0; j < value.size(); j++) {
                JsonNode entry = value.get(j);
                JsonNode match = find(was, id, entry.path(id).asText());
                if (match == null) {
                    ops.addObject().put("op", "add").put("path", path + "/" + j).set("value", entry);
                } else {
                    String at = path + "/" + j;
                    entry.fields().forEachRemaining(f -> compare(ops, at + "/" + escape(f.getKey()), f.getKey(),
                            match.get(f.getKey()), f.getValue()));
                }
            }
            for (JsonNode old : was) {
                if (find(value, id, old.path(id).asText()) == null) {
                    ops.addObject().put("op", "remove").put("path", path + "/" + indexOf(was, old)).set("was", old);
                }
            }
            return;
        }
        ObjectNode op = ops.addObject().put("op", "replace").put("path", path);
        op.set("was", was);
        op.set("value", value);
    }

    private static JsonNode find(JsonNode list, String id, String value) {
        for (JsonNode e : list) {
            if (e.path(id).asText().equals(value)) {
                return e;
            }
        }
        return null;
    }

    private static int indexOf(JsonNode list, JsonNode entry) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == entry) {
                return i;
            }
        }
        return -1;
    }

    /** Processes' sizes as the generated manifest writes them ("1G" -> "1024M"). */
    private static JsonNode normalized(String key, JsonNode value) {
        if (!"processes".equals(key) || !value.isArray()) {
            return value;
        }
        ArrayNode copy = value.deepCopy();
        for (JsonNode p : copy) {
            if (p instanceof ObjectNode o) {
                for (String size : List.of("memory", "disk_quota")) {
                    if (o.has(size)) {
                        o.put(size, megabytes(o.get(size).asText()));
                    }
                }
            }
        }
        return copy;
    }

    private static String megabytes(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            return text;
        }
        long n = Long.parseLong(m.group(1));
        long mb = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "G", "GB" -> n * 1024;
            case "T", "TB" -> n * 1024 * 1024;
            default -> n;
        };
        return mb + "M";
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
