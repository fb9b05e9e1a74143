package dev.capi.rest.internal.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.DoubleSupplier;

/**
 * This node's metrics, served in Prometheus' text format by the internal API: requests by method, route template
 * and status (count and duration), requests in flight, blobstore operation latency, and gauges the server registers
 * (job queue depth, connection pool usage). Built on Prometheus' Java client, one registry per Cloud Controller.
 */
public final class RequestMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Gauge outstanding = Gauge.builder().name("cc_requests_outstanding")
            .help("Requests in flight on this node").register(registry);
    private final Counter completed = Counter.builder().name("cc_requests_completed")
            .help("Requests completed by this node").register(registry);
    private final Counter byStatusClass = Counter.builder().name("cc_http_status")
            .help("Responses by status class").labelNames("status").register(registry);
    private final Histogram durations = Histogram.builder().name("capi_http_request_duration_seconds")
            .help("Time to serve a request, by method, route template and status")
            .labelNames("method", "route", "status").classicOnly()
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10).register(registry);
    private final Histogram blobstore = Histogram.builder().name("capi_blobstore_operation_duration_seconds")
            .help("Time the blobstore took, by operation and outcome").labelNames("operation", "outcome")
            .classicOnly().classicUpperBounds(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30).register(registry);

    public void started() {
        outstanding.inc();
    }

    /** A request finished; {@code route} is its matched template (e.g. {@code /v3/apps/{guid}}) or "unmatched". */
    public void finished(String method, String route, int status, double seconds) {
        outstanding.dec();
        completed.inc();
        int statusClass = status / 100;
        if (statusClass >= 1 && statusClass <= 5) {
            byStatusClass.labelValues(statusClass + "xx").inc();
        }
        durations.labelValues(method, route, Integer.toString(status)).observe(seconds);
    }

    /** A blobstore call took {@code seconds}; {@code outcome} is "ok" or "error". */
    public void blobstoreCall(String operation, String outcome, double seconds) {
        blobstore.labelValues(operation, outcome).observe(seconds);
    }

    /** A gauge read at each scrape (job queue depth, pool usage); one {@code name} per node. */
    public void gauge(String name, String help, DoubleSupplier value) {
        GaugeWithCallback.builder().name(name).help(help)
                .callback(callback -> callback.call(value.getAsDouble())).register(registry);
    }

    /** A gauge with one label, read at each scrape: {@code values} gives the value of each label value. */
    public void gauge(String name, String help, String label, java.util.function.Supplier<java.util.Map<String, Double>> values) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(label)
                .callback(callback -> values.get().forEach((key, v) -> callback.call(v, key))).register(registry);
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    public String exposition() {
        var out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
