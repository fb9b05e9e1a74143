package dev.capi.tck.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The generic checks applied to every JSON answer the kit reads, whatever the test asserts besides: resources
 * (guid format, timestamps in UTC with {@code Z}, {@code links} of objects with an absolute {@code href}, the keys
 * and value kinds the reference's resource of that type has, from {@code resource-shapes.tsv}), lists (pagination
 * keys, {@code per_page} honoured, totals consistent, {@code next}/{@code previous}/{@code first}/{@code last}
 * pointing at the right pages, the order asked for or the default creation order) and error documents
 * ({@code errors[]} of code, {@code CF-} title and detail). A violation fails the test that made the request.
 */
public final class ResponseShape {
    private static final Pattern GUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern TIMESTAMP = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Resource types whose guids are the identity provider's user ids, not necessarily UUIDs. */
    private static final Set<String> FREE_GUIDS = Set.of("users");
    private static final int DEFAULT_PER_PAGE = 50;
    private static final Map<String, Map<String, Set<String>>> SHAPES = loadShapes();

    private ResponseShape() {
    }

    /** The violations of one answer to {@code method url}; empty when it conforms. */
    public static List<String> violations(String method, String url, int status, JsonNode body) {
        List<String> v = new ArrayList<>();
        if (body == null || !body.isObject() || !cloudControllerPath(url)) {
            return v;
        }
        if (status >= 400) {
            errors(body, v);
            return v;
        }
        if (status < 200 || status >= 300) {
            return v;
        }
        if (body.has("pagination") && body.has("resources")) {
            list(method, url, body, v);
            body.path("resources").forEach(r -> resource(r, "resources[]", v));
            body.path("included").fields().forEachRemaining(e -> e.getValue()
                    .forEach(r -> resource(r, "included." + e.getKey() + "[]", v)));
        } else if (body.has("guid") || body.has("links")) {
            resource(body, "body", v);
        }
        return v;
    }

    /** The V3 API and its root; the identity provider and the internal API have shapes of their own. */
    private static boolean cloudControllerPath(String url) {
        String path = url.replaceFirst("^https?://[^/]+", "");
        return path.startsWith("/v3/") || path.equals("/v3") || path.isEmpty() || path.equals("/")
                || path.startsWith("/?");
    }

    /** Throws an AssertionError naming every violation, the request and the answer. */
    static void check(String method, String url, int status, String raw) {
        if (Boolean.getBoolean("capi.tck.no-shape-checks")) {
            return;
        }
        List<String> v = violations(method, url, status, Json.parse(raw));
        if (!v.isEmpty()) {
            throw new AssertionError("response shape: " + String.join("; ", v) + "\n  in answer " + status
                    + " to " + method + " " + url + ": " + (raw.length() > 1500 ? raw.substring(0, 1500) + "..." : raw));
        }
    }

    private static void errors(JsonNode body, List<String> v) {
        if (!body.has("errors")) {
            return;
        }
        JsonNode errors = body.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            v.add("errors must be a non-empty array");
            return;
        }
        for (JsonNode e : errors) {
            if (!e.path("code").isIntegralNumber()) {
                v.add("errors[].code must be an integer");
            }
            if (!e.path("title").isTextual() || !e.path("title").asText().startsWith("CF-")) {
                v.add("errors[].title must be a CF- title");
            }
            if (!e.path("detail").isTextual()) {
                v.add("errors[].detail must be a string");
            }
        }
    }

    private static void resource(JsonNode r, String where, List<String> v) {
        if (!r.isObject()) {
            v.add(where + " must be an object");
            return;
        }
        String type = type(r);
        if (r.has("guid") && (type == null || !FREE_GUIDS.contains(type))) {
            JsonNode guid = r.path("guid");
            if (!guid.isTextual() || !GUID.matcher(guid.asText()).matches()) {
                v.add(where + ".guid is not a guid: " + guid);
            }
        }
        r.fields().forEachRemaining(e -> {
            if (e.getKey().endsWith("_at") && !e.getValue().isNull()) {
                timestamp(where + "." + e.getKey(), e.getValue(), v);
            }
        });
        if (r.has("links")) {
            JsonNode links = r.path("links");
            if (!links.isObject()) {
                v.add(where + ".links must be an object");
            } else {
                links.fields().forEachRemaining(e -> link(where + ".links." + e.getKey(), e.getValue(), v));
            }
        }
        Map<String, Set<String>> shape = type == null ? null : SHAPES.get(type);
        if (shape != null) {
            shape.forEach((key, kinds) -> {
                if (!r.has(key)) {
                    v.add(where + " (" + type + ") lacks \"" + key + "\"");
                } else if (!r.path(key).isNull() && !kinds.isEmpty() && !kinds.contains(kind(r.path(key)))) {
                    v.add(where + " (" + type + ")." + key + " is " + kind(r.path(key)) + ", expected " + kinds);
                }
            });
        }
    }

    /** The resource's type from its self link ({@code .../v3/apps/:guid} is {@code apps}), or null. */
    static String type(JsonNode r) {
        String href = r.path("links").path("self").path("href").asText("");
        int v3 = href.indexOf("/v3/");
        if (v3 < 0) {
            return null;
        }
        String[] segments = href.substring(v3 + 4).split("[/?]");
        return segments.length == 2 ? segments[0] : null;
    }

    private static void timestamp(String where, JsonNode value, List<String> v) {
        if (!value.isTextual() || !TIMESTAMP.matcher(value.asText()).matches()) {
            v.add(where + " is not a UTC timestamp ending in Z: " + value);
            return;
        }
        try {
            Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            v.add(where + " is not a valid timestamp: " + value);
        }
    }

    private static void link(String where, JsonNode link, List<String> v) {
        if (link.isNull()) {
            return; // a link the server does not offer (the root's optional components)
        }
        if (!link.isObject()) {
            v.add(where + " must be an object with href");
            return;
        }
        String href = link.path("href").asText("");
        if (!link.path("href").isTextual() || !(href.startsWith("http://") || href.startsWith("https://"))) {
            v.add(where + ".href must be an absolute URL: " + link.path("href"));
        }
        if (link.has("method") && !METHODS.contains(link.path("method").asText())) {
            v.add(where + ".method is not an HTTP method: " + link.path("method"));
        }
    }

    private static void list(String method, String url, JsonNode body, List<String> v) {
        JsonNode p = body.path("pagination");
        JsonNode resources = body.path("resources");
        if (!resources.isArray()) {
            v.add("resources must be an array");
            return;
        }
        if (!p.path("total_results").isIntegralNumber() || !p.path("total_pages").isIntegralNumber()) {
            v.add("pagination.total_results and total_pages must be integers");
            return;
        }
        for (String end : List.of("first", "last")) {
            if (!p.path(end).path("href").isTextual()) {
                v.add("pagination." + end + ".href is missing");
            }
        }
        for (String step : List.of("next", "previous")) {
            if (!p.has(step)) {
                v.add("pagination." + step + " is missing (null when there is none)");
            } else if (!p.path(step).isNull() && !p.path(step).path("href").isTextual()) {
                v.add("pagination." + step + " must be null or an object with href");
            }
        }
        Map<String, String> query = query(url);
        int page = intOr(query.get("page"), 1);
        int perPage = intOr(query.get("per_page"), DEFAULT_PER_PAGE);
        if (!"GET".equals(method) || page < 1 || perPage < 1 || perPage > 5000) {
            return;
        }
        long total = p.path("total_results").asLong();
        long pages = p.path("total_pages").asLong();
        long expectedPages = Math.max(1, (total + perPage - 1) / perPage); // the reference never says 0 pages
        if (pages != expectedPages) {
            v.add("pagination.total_pages is " + pages + " for " + total + " results of " + perPage + " per page");
        }
        long expectedSize = Math.max(0, Math.min(perPage, total - (long) (page - 1) * perPage));
        if (resources.size() != expectedSize) {
            v.add("page " + page + " of " + perPage + " per page holds " + resources.size() + " resources, expected "
                    + expectedSize + " of " + total);
        }
        JsonNode next = p.path("next");
        if (page < pages) {
            if (next.isNull() || next.isMissingNode()) {
                v.add("pagination.next is null on page " + page + " of " + pages);
            } else {
                pageLink("pagination.next", next, page + 1, perPage, v);
            }
        } else if (!next.isNull() && !next.isMissingNode()) {
            v.add("pagination.next is set on the last page " + page + " of " + pages);
        }
        JsonNode previous = p.path("previous");
        if (page > 1 && (previous.isNull() || previous.isMissingNode())) {
            v.add("pagination.previous is null on page " + page);
        } else if (page > 1) {
            pageLink("pagination.previous", previous, page - 1, perPage, v);
        } else if (!previous.isNull() && !previous.isMissingNode()) {
            v.add("pagination.previous is set on page 1");
        }
        if (p.path("first").isObject()) {
            pageLink("pagination.first", p.path("first"), 1, perPage, v);
        }
        if (p.path("last").isObject()) {
            pageLink("pagination.last", p.path("last"), (int) Math.max(1, pages), perPage, v);
        }
        order(query.get("order_by"), resources, v);
    }

    private static void pageLink(String where, JsonNode link, int page, int perPage, List<String> v) {
        Map<String, String> q = query(link.path("href").asText(""));
        if (where.endsWith("first") || where.endsWith("last")) {
            if (q.get("page") == null && q.get("per_page") == null) {
                return; // a list that is never paged (an app's features) links to itself
            }
        }
        if (intOr(q.get("page"), -1) != page || intOr(q.get("per_page"), -1) != perPage) {
            v.add(where + ".href should ask for page=" + page + "&per_page=" + perPage + ": "
                    + link.path("href").asText());
        }
    }

    /**
     * The asked order ({@code name}, {@code -created_at} ...); without {@code order_by} only buildpacks are checked
     * (lifecycle, then position): other lists' default orders differ by endpoint.
     */
    private static void order(String orderBy, JsonNode resources, List<String> v) {
        String field = orderBy == null ? "created_at" : orderBy.replaceFirst("^[-+]", "");
        boolean descending = orderBy != null && orderBy.startsWith("-");
        if (!Set.of("created_at", "updated_at", "name").contains(field)) {
            return;
        }
        if (orderBy == null && resources.size() > 0 && !resources.path(0).has("guid")) {
            return; // lists of non-resources keep their own order
        }
        if (orderBy == null && resources.size() > 0 && resources.path(0).path("position").isIntegralNumber()) {
            // buildpacks come by lifecycle, then position
            for (int i = 1; i < resources.size(); i++) {
                JsonNode a = resources.path(i - 1);
                JsonNode b = resources.path(i);
                int byLifecycle = a.path("lifecycle").asText().compareTo(b.path("lifecycle").asText());
                if (byLifecycle > 0 || byLifecycle == 0 && a.path("position").asLong() > b.path("position").asLong()) {
                    v.add("resources are not ordered by lifecycle and position (the default)");
                    return;
                }
            }
            return;
        }
        if (orderBy == null) {
            return;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode r : resources) {
            if (!r.path(field).isTextual()) {
                return;
            }
            values.add(r.path(field).asText());
        }
        for (int i = 1; i < values.size(); i++) {
            int c = compare(field, values.get(i - 1), values.get(i));
            if (descending ? c < 0 : c > 0) {
                v.add("resources are not ordered by " + orderBy + ": " + values.get(i - 1) + " before "
                        + values.get(i));
                return;
            }
        }
    }

    private static int compare(String field, String a, String b) {
        if (field.endsWith("_at")) {
            try {
                return Instant.parse(a).compareTo(Instant.parse(b));
            } catch (DateTimeParseException e) {
                return 0; // reported by the timestamp check
            }
        }
        return a.compareTo(b);
    }

    static String kind(JsonNode n) {
        if (n.isTextual()) {
            return "string";
        }
        if (n.isBoolean()) {
            return "boolean";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isArray()) {
            return "array";
        }
        if (n.isObject()) {
            return "object";
        }
        return "null";
    }

    private static Map<String, String> query(String url) {
        Map<String, String> q = new HashMap<>();
        String raw;
        try {
            raw = URI.create(url.replace(" ", "%20").replace("|", "%7C")).getRawQuery();
        } catch (IllegalArgumentException e) {
            int i = url.indexOf('?');
            raw = i < 0 ? null : url.substring(i + 1);
        }
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static int intOr(String s, int fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1; // not a page number: the checks that need it are skipped
        }
    }

    /** {@code resource-shapes.tsv}: type, key, value kinds (comma separated; empty when only null was seen). */
    private static Map<String, Map<String, Set<String>>> loadShapes() {
        Map<String, Map<String, Set<String>>> shapes = new HashMap<>();
        try (InputStream in = ResponseShape.class.getResourceAsStream("/resource-shapes.tsv")) {
            if (in == null) {
                return shapes;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                shapes.computeIfAbsent(f[0], t -> new LinkedHashMap<>()).put(f[1],
                        f.length < 3 || f[2].isBlank() ? Set.of() : Set.of(f[2].split(",")));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return shapes;
    }
}
