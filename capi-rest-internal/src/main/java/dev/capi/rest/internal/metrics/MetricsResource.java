package dev.capi.rest.internal.metrics;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code /internal/v4/metrics}: this node's metrics in Prometheus text format (scrapers use GET; POST as listed). */
@Path("/internal/v4/metrics")
public final class MetricsResource {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    RequestMetrics metrics;

    @GET
    public Response get() {
        return Response.ok(metrics.exposition(), PROMETHEUS_TEXT).build();
    }

    @POST
    public Response post() {
        return get();
    }
}
