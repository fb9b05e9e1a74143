package dev.capi.server.logging;

import dev.capi.domain.support.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The request's id for every log line written while it is handled ({@link RequestIds} for the domain, the SLF4J
 * MDC key {@value #REQUEST_ID} for the log backend), and the one access line written when it ends: readable as
 * text, and with its fields as key-value pairs for the JSON format.
 */
public final class AccessLog {
    /** The MDC key (and JSON field) of the request's X-VCAP-Request-ID. */
    public static final String REQUEST_ID = "request_id";
    private static final Logger LOG = LoggerFactory.getLogger("capi.requests");

    private AccessLog() {
    }

    /** The request {@code id} starts on this thread. */
    public static void begin(String id) {
        RequestIds.set(id);
        MDC.put(REQUEST_ID, id);
    }

    /** The request ends on this thread: its id leaves the thread. */
    public static void end() {
        RequestIds.clear();
        MDC.remove(REQUEST_ID);
    }

    /** The access line: {@code path} already escaped, {@code userGuid} null for an anonymous request. */
    public static void write(String method, String path, int status, double millis, String userGuid, Object id,
                             int statements) {
        double duration = Math.round(millis * 10) / 10.0;
        LOG.atInfo().addKeyValue("method", method).addKeyValue("path", path).addKeyValue("status", status)
                .addKeyValue("duration_ms", duration).addKeyValue("user_guid", userGuid)
                .addKeyValue("sql_statements", statements)
                .log("{} {} {} {}ms user_guid={} request_id={} sql={}", method, path, status, duration,
                        userGuid == null ? "-" : userGuid, id, statements);
    }
}
