package dev.capi.rest.internal.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counters of the requests this node served, for the Prometheus endpoint of the internal API. */
public final class RequestMetrics {
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong durationMillis = new AtomicLong();
    private final AtomicLongArray byStatusClass = new AtomicLongArray(6);

    public void started() {
        outstanding.incrementAndGet();
    }

    public void finished(int status, long millis) {
        outstanding.decrementAndGet();
        completed.incrementAndGet();
        durationMillis.addAndGet(millis);
        int statusClass = status / 100;
        if (statusClass >= 1 && statusClass <= 5) {
            byStatusClass.incrementAndGet(statusClass);
        }
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    public String exposition() {
        StringBuilder out = new StringBuilder();
        gauge(out, "cc_requests_outstanding_total", "Requests in flight on this node", outstanding.get());
        counter(out, "cc_requests_completed_total", "Requests completed by this node", completed.get());
        counter(out, "cc_requests_duration_milliseconds_total", "Time spent serving requests", durationMillis.get());
        out.append("# HELP cc_http_status_total Responses by status class\n# TYPE cc_http_status_total counter\n");
        for (int c = 1; c <= 5; c++) {
            out.append("cc_http_status_total{status=\"").append(c).append("xx\"} ").append(byStatusClass.get(c))
                    .append('\n');
        }
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name)
                .append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name)
                .append(" counter\n").append(name).append(' ').append(value).append('\n');
    }
}
