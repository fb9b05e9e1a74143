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
        api.metrics.finished(200, 12);
        api.metrics.started();
        api.metrics.finished(404, 3);
        api.metrics.started();

        var response = api.get("/internal/v4/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain")
                .contains("version=0.0.4");
        assertThat(response.body()).contains("# TYPE cc_requests_outstanding_total gauge\ncc_requests_outstanding_total 1\n",
                "cc_requests_completed_total 2\n", "cc_requests_duration_milliseconds_total 15\n",
                "cc_http_status_total{status=\"2xx\"} 1\n", "cc_http_status_total{status=\"4xx\"} 1\n",
                "cc_http_status_total{status=\"5xx\"} 0\n");
    }

    @Test
    void postAnswersTheSameAsGet() {
        var response = api.send(api.request("/internal/v4/metrics").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("cc_requests_completed_total 0");
    }

    @Test
    void otherMethodsAre404() {
        var response = api.send(api.request("/internal/v4/metrics").PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).isEqualTo(404);
    }
}
