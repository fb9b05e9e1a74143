package dev.capi.server.ratelimit;

/**
 * Which requests the rate limiter counts, as the reference decides: not the root document, {@code /v3},
 * {@code /v2/info} and {@code /healthz}, not the internal API, and not requests with basic authentication. The
 * built-in token issuer under {@code /uaa} is not part of the Cloud Controller's API (the reference's UAA is a
 * separate server with its own limits), so it is not counted either.
 */
final class RateLimitedPaths {
    private RateLimitedPaths() {
    }

    /** Whether a request for {@code path} (relative to the API's root, with or without a leading slash) is counted. */
    static boolean counted(String path) {
        String p = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
        return switch (p) {
            case "", "v3", "v2/info", "healthz" -> false;
            default -> !p.startsWith("internal") && !p.equals("uaa") && !p.startsWith("uaa/");
        };
    }

    /** Whether the Authorization header carries basic credentials (the reference does not limit those). */
    static boolean basicAuthentication(String authorization) {
        return authorization != null && authorization.trim().regionMatches(true, 0, "basic ", 0, 6);
    }
}
