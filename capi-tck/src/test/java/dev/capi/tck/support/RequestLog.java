package dev.capi.tck.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP exchanges the current thread made since {@link #reset()}: the runner shows a failing test's last
 * requests and answers in its report, tells an unsupported endpoint ("Unknown request") from a wrong one, and
 * learns which inventory rows a test exercised. Requests made while setting up (inside {@link Tck} or
 * {@link Actors}) are marked as setup.
 */
public final class RequestLog {
    /** How many exchanges a test keeps (its last ones); bodies are cut to {@link #BODY_LIMIT} characters. */
    private static final int LIMIT = 200;
    private static final int BODY_LIMIT = 2000;
    private static final ThreadLocal<List<Exchange>> LOG = ThreadLocal.withInitial(ArrayList::new);

    /** One request and its answer. */
    public record Exchange(String method, String url, String requestBody, int status, String responseBody,
                           boolean setup) {
        /** The answer of a server that does not route the request: 404 CF-NotFound (code 10000) "Unknown request". */
        public boolean unknownRequest() {
            if (status != 404 || responseBody == null) {
                return false;
            }
            var body = Json.parse(responseBody);
            return body != null && body.path("errors").path(0).path("code").asInt() == 10000;
        }

        /** The URL's path, without scheme, host and query. */
        public String path() {
            String p = url.replaceFirst("^https?://[^/]+", "");
            int q = p.indexOf('?');
            return q < 0 ? p : p.substring(0, q);
        }
    }

    private RequestLog() {
    }

    public static void reset() {
        LOG.get().clear();
    }

    public static List<Exchange> exchanges() {
        return List.copyOf(LOG.get());
    }

    static void record(String method, String url, String requestBody, int status, String responseBody) {
        List<Exchange> log = LOG.get();
        if (log.size() >= LIMIT) {
            log.remove(0);
        }
        log.add(new Exchange(method, url, cut(requestBody), status, cut(responseBody), isSetup()));
    }

    private static boolean isSetup() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .anyMatch(c -> c.equals(Tck.class.getName()) || c.equals(Actors.class.getName())
                        || c.equals(Cleanup.class.getName())));
    }

    private static String cut(String body) {
        if (body == null) {
            return null;
        }
        return body.length() <= BODY_LIMIT ? body : body.substring(0, BODY_LIMIT) + "... (" + body.length() + " chars)";
    }
}
