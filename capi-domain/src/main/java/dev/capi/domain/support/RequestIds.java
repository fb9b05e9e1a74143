package dev.capi.domain.support;

/** The current request's {@code X-VCAP-Request-ID}, for log lines written deep in the call. */
public final class RequestIds {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {
    }

    public static void set(String id) {
        CURRENT.set(id);
    }

    public static String current() {
        return CURRENT.get();
    }

    public static void clear() {
        CURRENT.remove();
    }
}
