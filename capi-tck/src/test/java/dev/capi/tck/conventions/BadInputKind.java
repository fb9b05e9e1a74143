package dev.capi.tck.conventions;

import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Multipart;
import dev.capi.tck.support.Zips;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The kinds of bad input the corpus sends, each with the rows it applies to and the answer it expects: the
 * reference's error where it is known, and never a 5xx. Bodies go to the rows that read one, queries to the GET rows,
 * tokens to every row that needs one, archives to the upload rows.
 */
enum BadInputKind {
    FORGED_TOKEN(Group.TOKEN), EXPIRED_TOKEN(Group.TOKEN), ALG_NONE_TOKEN(Group.TOKEN),
    MALFORMED_JSON(Group.BODY), INVALID_UTF8(Group.BODY), DEEP_NESTING(Group.BODY), OVERSIZE_BODY(Group.BODY),
    UNKNOWN_KEYS(Group.FIELDS), WRONG_TYPES(Group.FIELDS), NUL_IN_NAME(Group.FIELDS), OVERLONG_NAME(Group.FIELDS),
    NEGATIVE_NUMBERS(Group.FIELDS), WRONG_CONTENT_TYPE(Group.FIELDS),
    BAD_LABEL_SELECTOR(Group.QUERY), UNKNOWN_FILTER(Group.QUERY), NUL_IN_FILTER(Group.QUERY), BAD_ORDER(Group.QUERY),
    HUGE_PER_PAGE(Group.QUERY), HUGE_PAGE(Group.QUERY), NEGATIVE_PAGE(Group.QUERY), GET_WITH_BODY(Group.QUERY),
    ZIP_SLIP(Group.UPLOAD), SYMLINK_ESCAPE(Group.UPLOAD), OVERSIZE_UPLOAD(Group.UPLOAD);

    /** Which rows a kind goes to. */
    enum Group { TOKEN, BODY, FIELDS, QUERY, UPLOAD }

    /** One routed row as the corpus aims at it. */
    record Target(String row, String method, String path, boolean internal, boolean requiresAuth, boolean list,
                  boolean readsBody, boolean upload, boolean knownTarget) {
        boolean writes() {
            return !method.equals("GET") && !method.equals("DELETE");
        }
    }

    /** The parts of the kit a request is sent with. */
    interface Send {
        ApiResponse bytes(Target t, String token, String method, String path, byte[] body, String contentType);

        long uploadLimit();
    }

    /** Over the 1 MiB JSON body limit of capi (and of the reference's nginx, {@code client_max_body_size}). */
    static final int BODY_LIMIT_PROBE = 1_100_000;
    private static final byte[] OVERSIZE = oversize();

    final Group group;

    BadInputKind(Group group) {
        this.group = group;
    }

    boolean appliesTo(Target t) {
        return switch (group) {
            case TOKEN -> t.requiresAuth() && !t.internal();
            case BODY -> t.writes() && !t.upload();
            case FIELDS -> t.writes() && !t.upload() && t.readsBody() && (this != WRONG_CONTENT_TYPE
                    || t.method().equals("POST") && !t.internal() && !t.path().contains("/actions/"));
            case QUERY -> t.method().equals("GET") && !t.internal();
            case UPLOAD -> t.row().equals("POST /v3/buildpacks/:guid/upload")
                    || t.row().equals("POST /v3/packages/:guid/upload") && this != OVERSIZE_UPLOAD;
        };
    }

    ApiResponse send(Target t, String adminToken, Send send) {
        String json = "application/json";
        return switch (this) {
            case FORGED_TOKEN -> send.bytes(t, BadTokens.forged(adminToken), t.method(), t.path(), empty(t), json);
            case EXPIRED_TOKEN -> send.bytes(t, BadTokens.expired(adminToken), t.method(), t.path(), empty(t), json);
            case ALG_NONE_TOKEN -> send.bytes(t, BadTokens.algNone(adminToken), t.method(), t.path(), empty(t), json);
            case MALFORMED_JSON -> send.bytes(t, adminToken, t.method(), t.path(), body("{\"name\": "), json);
            case INVALID_UTF8 -> send.bytes(t, adminToken, t.method(), t.path(), invalidUtf8(), json);
            case DEEP_NESTING -> send.bytes(t, adminToken, t.method(), t.path(), body("{\"metadata\": {\"labels\": "
                    + "[".repeat(5000) + "]".repeat(5000) + "}}"), json);
            case OVERSIZE_BODY -> send.bytes(t, adminToken, t.method(), t.path(), OVERSIZE, json);
            case UNKNOWN_KEYS -> send.bytes(t, adminToken, t.method(), t.path(), body("{\"capi_tck_unknown\": 1}"), json);
            case WRONG_TYPES -> send.bytes(t, adminToken, t.method(), t.path(), body("{\"name\": 5, \"metadata\": "
                    + "[\"labels\"], \"relationships\": \"x\", \"state\": {}, \"enabled\": \"yes\"}"), json);
            case NUL_IN_NAME -> send.bytes(t, adminToken, t.method(), t.path(), body("{\"name\": \"a\\u0000b\"}"), json);
            case OVERLONG_NAME -> send.bytes(t, adminToken, t.method(), t.path(),
                    body("{\"name\": \"" + "\u00e9".repeat(100_000) + "\"}"), json);
            case NEGATIVE_NUMBERS -> send.bytes(t, adminToken, t.method(), t.path(), body("{\"instances\": -1, "
                    + "\"memory_in_mb\": -1, \"disk_in_mb\": -5, \"position\": -3, \"port\": -80, \"limits\": "
                    + "{\"total_memory_in_mb\": -9}, \"weight\": -1}"), json);
            case WRONG_CONTENT_TYPE -> send.bytes(t, adminToken, t.method(), t.path(), body("{\"name\": \"x\"}"),
                    "text/plain");
            case BAD_LABEL_SELECTOR -> get(t, adminToken, send, "label_selector=%21%21%3D%3D%2C%2C");
            case UNKNOWN_FILTER -> get(t, adminToken, send, "capi_tck_unknown=1");
            case NUL_IN_FILTER -> get(t, adminToken, send, "names=a%00b&guids=%00");
            case BAD_ORDER -> get(t, adminToken, send, "order_by=capi_tck_nope");
            case HUGE_PER_PAGE -> get(t, adminToken, send, "per_page=99999999999999999999");
            case HUGE_PAGE -> get(t, adminToken, send, "page=99999999999999999999&per_page=5000");
            case NEGATIVE_PAGE -> get(t, adminToken, send, "page=-1&per_page=-5");
            case GET_WITH_BODY -> send.bytes(t, adminToken, "GET", t.path(), body("{\"name\": "), json);
            case ZIP_SLIP -> upload(t, adminToken, send, Zips.of(Map.of("../../capi-tck-escape.sh", "boom")));
            case SYMLINK_ESCAPE -> upload(t, adminToken, send, symlinkEscape());
            case OVERSIZE_UPLOAD -> upload(t, adminToken, send, oversizeZip(send.uploadLimit()));
        };
    }

    /**
     * Why the answer is wrong for this kind, or null when it is what the reference answers. The internal API's
     * answers to bad bodies are not pinned (the reference's internal controllers differ one from another): they
     * must only stay below 500 and change nothing.
     */
    String violation(Target t, ApiResponse r) {
        if (r.status() >= 500) {
            return "server error";
        }
        return switch (group) {
            case TOKEN -> expect(r, 401, "CF-InvalidAuthToken");
            case BODY -> t.internal() ? null : switch (this) {
                case OVERSIZE_BODY -> expect(r, 413, "CF-RequestEntityTooLarge");
                default -> expect(r, 400, "CF-MessageParseError");
            };
            case FIELDS -> t.internal() ? null : fieldsError(t, r);
            case QUERY -> this == GET_WITH_BODY ? (r.status() < 400 || r.errorTitle() != null ? null
                    : "expected an answer or an error document, got " + r.status() + " " + r.raw())
                    : !t.list() || this == HUGE_PAGE && r.status() == 200 ? null
                    : r.status() == 422 ? expect(r, 422, "CF-UnprocessableEntity")
                    : expect(r, 400, "CF-BadQueryParameter");
            case UPLOAD -> uploadError(t, r);
        };
    }

    /**
     * Rows whose answer to a bad body is not 422, as in the reference: plan visibility validates its message with
     * {@code bad_request!} (400), a manifest is YAML only (400 before any field is read), route sharing checks its
     * feature flag (off by default) before the body, and the fixture app has no build for the spec-only
     * {@code PATCH /v3/apps/:guid/builds} to update (its target is unknown, as for a fixture the corpus lacks).
     */
    static final java.util.Map<String, String> OTHER_FIELD_ERRORS = java.util.Map.of(
            "POST /v3/service_plans/:guid/visibility", "400 CF-BadRequest",
            "PATCH /v3/service_plans/:guid/visibility", "400 CF-BadRequest",
            "POST /v3/spaces/:guid/actions/apply_manifest", "400 CF-BadRequest",
            "POST /v3/routes/:guid/relationships/shared_spaces", "403 CF-FeatureDisabled",
            "PATCH /v3/apps/:guid/builds", "404 CF-ResourceNotFound");

    private static String fieldsError(Target t, ApiResponse r) {
        String answer = r.status() + " " + r.errorTitle();
        if (answer.equals("422 CF-UnprocessableEntity") || answer.equals(OTHER_FIELD_ERRORS.get(t.row()))
                || !t.knownTarget() && answer.equals("404 CF-ResourceNotFound")) {
            return null;
        }
        return "expected 422 CF-UnprocessableEntity, got " + answer;
    }

    private static String uploadError(Target t, ApiResponse r) {
        if (t.row().startsWith("POST /v3/packages/")) {
            return r.status() == 200 && r.body().path("state").asText().equals("FAILED") ? null
                    : "expected the package FAILED, got " + r.status();
        }
        return expect4xx(r);
    }

    private static String expect(ApiResponse r, int status, String title) {
        return r.status() == status && title.equals(r.errorTitle()) ? null
                : "expected " + status + " " + title + ", got " + r.status() + " " + r.errorTitle();
    }

    private static String expect4xx(ApiResponse r) {
        return r.status() >= 400 && r.status() < 500 && r.errorTitle() != null ? null
                : "expected a 4xx error document, got " + r.status();
    }

    private static ApiResponse get(Target t, String token, Send send, String query) {
        return send.bytes(t, token, "GET", t.path() + (t.path().contains("?") ? "&" : "?") + query, null, null);
    }

    private static ApiResponse upload(Target t, String token, Send send, byte[] zip) {
        Multipart form = new Multipart().file("bits", "corpus.zip", zip);
        return send.bytes(t, token, t.method(), t.path(), form.bytes(), form.contentType());
    }

    /** {@code {}} for a row that takes a body, none for GET and DELETE. */
    private static byte[] empty(Target t) {
        return t.writes() ? body("{}") : null;
    }

    private static byte[] body(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] invalidUtf8() {
        byte[] prefix = body("{\"name\": \"bad");
        byte[] out = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        out[prefix.length] = (byte) 0xC0;
        out[prefix.length + 1] = (byte) 0xAF;
        out[prefix.length + 2] = '"';
        out[prefix.length + 3] = '}';
        return out;
    }

    private static byte[] oversize() {
        StringBuilder big = new StringBuilder("{\"metadata\": {\"annotations\": {\"big\": \"");
        big.append("v".repeat(BODY_LIMIT_PROBE)).append("\"}}}");
        return body(big.toString());
    }

    private static byte[] oversizeZip(long limit) {
        byte[] random = new byte[(int) Math.min(limit + 1024, 64L * 1024 * 1024)];
        new java.util.Random(14).nextBytes(random);
        return Zips.of(Map.of("big.bin", new String(random, StandardCharsets.ISO_8859_1)));
    }

    /** A zip whose entry "config/secrets" is a symbolic link to ../../../etc/shadow (unix mode 0120777). */
    static byte[] symlinkEscape() {
        byte[] bytes = Zips.of(Map.of("app.rb", "puts 1", "config/secrets", "../../../etc/shadow"));
        byte[] name = body("config/secrets");
        for (int i = 0; i + 46 + name.length <= bytes.length; i++) {
            boolean header = bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 1 && bytes[i + 3] == 2;
            if (header && java.util.Arrays.equals(bytes, i + 46, i + 46 + name.length, name, 0, name.length)) {
                bytes[i + 40] = (byte) (0120777 & 0xff);
                bytes[i + 41] = (byte) (0120777 >> 8);
            }
        }
        return bytes;
    }
}
