package dev.capi.tck.servicebrokers;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.fixtures.broker.FixtureBroker;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.capi.tck.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker whose catalog is refused: the {@code service_broker.catalog.synchronize} job fails with the reference's
 * error (invalid catalog, rejected request, bad response, unreachable, wrong credentials) and the broker stays
 * registered without offerings. Uses a fixture broker of its own, since the catalog answer is changed.
 */
@Checks({"GET /v3/service_brokers"})
class ServiceBrokerCatalogFailuresTest {
    static Cf admin;
    static FixtureBroker broker;

    @BeforeAll
    static void setUp() {
        admin = Tck.get().admin();
        broker = FixtureBroker.start("bad", "bad-broker", "bad-secret");
    }

    @AfterEach
    void resetCatalog() {
        broker.catalogOverride(null, null);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    static JsonNode failedJob(String url, String password) {
        ObjectNode body = obj("name", Tck.unique("bad"), "url", url, "authentication", obj("type", "basic",
                "credentials", obj("username", broker.username(), "password", password)));
        ApiResponse r = admin.post("/v3/service_brokers", body);
        assertThat(r.status()).isEqualTo(202);
        JsonNode job = admin.awaitJob(r);
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("FAILED");
        assertThat(admin.get("/v3/service_brokers?names=" + body.path("name").asText()).body().path("resources").size())
                .isEqualTo(1);
        return job.path("errors").path(0);
    }

    @Test
    void anInvalidCatalogFailsTheJobWithTheReferencesText() {
        broker.catalogOverride(200, "{\"services\":[{\"id\":\"x\",\"name\":\"x\",\"bindable\":\"yes\","
                + "\"description\":\"d\",\"plans\":[]}]}");
        JsonNode error = failedJob(broker.url(), broker.password());
        assertThat(error.path("title").asText()).isEqualTo("CF-ServiceBrokerCatalogInvalid");
        assertThat(error.path("code").asInt()).isEqualTo(270012);
        assertThat(error.path("detail").asText()).isEqualTo("Service broker catalog is invalid: \n"
                + "Service x\n  Service \"bindable\" field must be a boolean, but has value \"yes\"\n"
                + "  At least one plan is required\n");
    }

    @Test
    void anEmptyCatalogIsInvalid() {
        broker.catalogOverride(200, "{\"services\":[]}");
        JsonNode error = failedJob(broker.url(), broker.password());
        assertThat(error.path("detail").asText())
                .isEqualTo("Service broker catalog is invalid: \nService broker must provide at least one service\n");
    }

    @Test
    void brokerHttpFailuresMapToTheReferencesErrors() {
        broker.catalogOverride(404, "{}");
        JsonNode rejected = failedJob(broker.url(), broker.password());
        assertThat(rejected.path("title").asText()).isEqualTo("CF-ServiceBrokerRequestRejected");
        assertThat(rejected.path("detail").asText()).contains("Status Code: 404 Not Found");
        broker.catalogOverride(500, "{\"description\":\"boom\"}");
        JsonNode bad = failedJob(broker.url(), broker.password());
        assertThat(bad.path("title").asText()).isEqualTo("CF-ServiceBrokerBadResponse");
        assertThat(bad.path("detail").asText()).isEqualTo("Service broker error: boom");
        broker.catalogOverride(200, "not json");
        assertThat(failedJob(broker.url(), broker.password()).path("title").asText())
                .isEqualTo("CF-ServiceBrokerRequestMalformed");
        broker.catalogOverride(null, null);
        assertThat(failedJob(broker.url(), "wrong").path("title").asText())
                .isEqualTo("CF-ServiceBrokerApiAuthenticationFailed");
        assertThat(failedJob("http://127.0.0.1:1", broker.password()).path("title").asText())
                .isEqualTo("CF-ServiceBrokerApiUnreachable");
    }
}
