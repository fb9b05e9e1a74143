package dev.capi.rest.internal.metrics;

import dev.capi.rest.internal.support.InternalApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsResourceTest {
    private final InternalApiServer api = new InternalApiServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void getAnswersThePrometheusTextOfTheRequestsThisNodeServed() {
        api.metrics.started();
        api.metrics.finished("GET", "/v3/apps/{guid}", 200, 0.012);
        api.metrics.started();
        api.metrics.finished("GET", "unmatched", 404, 0.003);
        api.metrics.started();
        api.metrics.blobstoreCall("put", "ok", 0.02);
        api.metrics.gauge("capi_jobs_unfinished", "jobs", "state", () -> java.util.Map.of("PROCESSING", 3.0));

        var response = api.get("/internal/v4/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain")
                .contains("version=0.0.4");
        assertThat(response.body()).contains("# TYPE cc_requests_outstanding gauge\ncc_requests_outstanding 1.0\n",
                "cc_requests_completed_total 2.0\n",
                "cc_http_status_total{status=\"2xx\"} 1.0\n", "cc_http_status_total{status=\"4xx\"} 1.0\n",
                "capi_http_request_duration_seconds_count{method=\"GET\",route=\"/v3/apps/{guid}\",status=\"200\"} 1\n",
                "capi_http_request_duration_seconds_bucket{method=\"GET\",route=\"/v3/apps/{guid}\",status=\"200\",le=\"0.025\"} 1\n",
                "capi_blobstore_operation_duration_seconds_count{operation=\"put\",outcome=\"ok\"} 1\n",
                "capi_jobs_unfinished{state=\"PROCESSING\"} 3.0\n");
    }

    @Test
    void postAnswersTheSameAsGet() {
        var response = api.send(api.request("/internal/v4/metrics").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("# TYPE cc_requests_completed_total counter");
    }

    @Test
    void otherMethodsAre404() {
        var response = api.send(api.request("/internal/v4/metrics").PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).isEqualTo(404);
    }
}
