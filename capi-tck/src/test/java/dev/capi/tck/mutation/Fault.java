package dev.capi.tck.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.tck.support.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One small deviation the {@link FaultyProxy} injects into a conforming server's answers; the kit must notice
 * each. {@link #tests} names the small part of the kit that a fault's run uses (to keep the build quick).
 */
enum Fault {
    /** Stacks lose a field the reference always sends ({@code run_rootfs_image}). */
    DROP_REQUIRED_FIELD("StacksTest") {
        @Override
        void answer(Exchange e) {
            e.eachResource(r -> r.remove("run_rootfs_image"));
        }
    },
    /** A field renamed: organizations say {@code is_suspended}. */
    RENAME_KEY("OrganizationsTest") {
        @Override
        void answer(Exchange e) {
            e.eachResource(r -> {
                if (r.has("suspended")) {
                    r.set("is_suspended", r.remove("suspended"));
                }
            });
        }
    },
    /** A resource that is not visible is "forbidden" rather than "not found". */
    NOT_FOUND_AS_FORBIDDEN("AppsTest") {
        @Override
        void answer(Exchange e) {
            if (e.status == 404 && e.raw.contains("CF-ResourceNotFound")) {
                e.status = 403;
                e.raw = "{\"errors\":[{\"detail\":\"You are not authorized to perform the requested action\","
                        + "\"title\":\"CF-NotAuthorized\",\"code\":10003}]}";
            }
        }
    },
    /** Invalid input is a 400 rather than a 422. */
    UNPROCESSABLE_AS_BAD_REQUEST("AppsTest") {
        @Override
        void answer(Exchange e) {
            if (e.status == 422) {
                e.status = 400;
            }
        }
    },
    /** A resource the caller may not see is shown to it (fetched with the admin's token). */
    SHOWS_INVISIBLE_RESOURCE("AppsTest") {
        @Override
        void answer(Exchange e) {
            if (e.method.equals("GET") && e.status == 404 && e.path.matches("/v3/apps/[^/]+")) {
                e.refetchAsAdmin();
            }
        }
    },
    /** {@code pagination.next} points at the page after the next one. */
    BREAKS_PAGINATION_NEXT("AppsTest") {
        @Override
        void answer(Exchange e) {
            JsonNode next = e.json == null ? null : e.json.path("pagination").path("next");
            if (next != null && next.isObject()) {
                String href = next.path("href").asText();
                var m = Pattern.compile("([?&]page=)(\\d+)").matcher(href);
                if (m.find()) {
                    ((ObjectNode) next).put("href", m.replaceFirst(m.group(1) + (Integer.parseInt(m.group(2)) + 1)));
                }
            }
        }
    },
    /** Timestamps lose their {@code Z}. */
    TIMESTAMPS_WITHOUT_Z("StacksTest") {
        @Override
        void answer(Exchange e) {
            e.raw = e.raw.replaceAll("(\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})Z\"", "$1\"");
            e.json = null;
        }
    },
    /** {@code per_page} is ignored: the server answers its default page size. */
    IGNORES_PER_PAGE("AppsTest") {
        @Override
        String request(String pathAndQuery) {
            return pathAndQuery.replaceAll("([?&])per_page=\\d+&?", "$1").replaceAll("[?&]$", "");
        }

        @Override
        void answer(Exchange e) {
        }
    },
    /** Not a deviation: the stacks area is not routed at all (every /v3/stacks request is "Unknown request"). */
    UNROUTES_STACKS("StacksTest") {
        @Override
        void answer(Exchange e) {
            if (e.path.startsWith("/v3/stacks")) {
                e.status = 404;
                e.raw = "{\"errors\":[{\"detail\":\"Unknown request\",\"title\":\"CF-NotFound\",\"code\":10000}]}";
                e.json = null;
            }
        }
    },
    /** A list comes back in reverse order. */
    REORDERS_LIST("AppsTest") {
        @Override
        void answer(Exchange e) {
            JsonNode resources = e.json == null ? null : e.json.path("resources");
            if (resources instanceof ArrayNode list && list.size() > 1) {
                List<JsonNode> reversed = new ArrayList<>();
                list.forEach(reversed::add);
                java.util.Collections.reverse(reversed);
                list.removeAll();
                list.addAll(reversed);
            }
        }
    };

    private final List<String> tests;

    Fault(String... tests) {
        this.tests = List.of(tests);
    }

    /** Whether the kit must fail against it (everything but an unrouted area, which is UNSUPPORTED). */
    boolean deviation() {
        return this != UNROUTES_STACKS;
    }

    /** The kit's test classes a run with this fault uses. */
    List<String> tests() {
        return tests;
    }

    /** The request's path and query as forwarded (most faults forward it unchanged). */
    String request(String pathAndQuery) {
        return pathAndQuery;
    }

    /** Changes the answer in place. */
    abstract void answer(Exchange e);

    /** One proxied exchange: the request's method and path, the answer's status and body. */
    static final class Exchange {
        final String method;
        final String path;
        int status;
        String raw;
        JsonNode json;
        private final Refetch refetch;

        /** Sends the same request with the admin's token: its status and body. */
        interface Refetch {
            Exchange asAdmin();
        }

        Exchange(String method, String path, int status, String raw, Refetch refetch) {
            this.method = method;
            this.path = path;
            this.status = status;
            this.raw = raw;
            this.json = Json.parse(raw);
            this.refetch = refetch;
        }

        void eachResource(Consumer<ObjectNode> change) {
            if (json == null || !json.isObject()) {
                return;
            }
            if (json.has("resources")) {
                json.path("resources").forEach(r -> {
                    if (r instanceof ObjectNode o) {
                        change.accept(o);
                    }
                });
            } else if (json.has("guid")) {
                change.accept((ObjectNode) json);
            }
        }

        void refetchAsAdmin() {
            Exchange admin = refetch.asAdmin();
            status = admin.status;
            raw = admin.raw;
            json = admin.json;
        }

        /** The body to send: the changed JSON, or the raw text when a fault changed the text itself. */
        String body() {
            return json == null ? raw : json.toString();
        }
    }
}
