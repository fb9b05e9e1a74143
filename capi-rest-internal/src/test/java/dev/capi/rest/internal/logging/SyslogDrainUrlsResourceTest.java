package dev.capi.rest.internal.logging;

import dev.capi.rest.internal.support.InternalApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.capi.rest.internal.support.Json.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class SyslogDrainUrlsResourceTest {
    private final InternalApiServer api = new InternalApiServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void withoutBindingsEveryBatchIsEmptyAndHasNoNextId() {
        var response = api.get("/internal/v5/syslog_drain_urls?batch_size=50&next_id=0");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"results\":{},\"next_id\":null}");
        assertThat(api.get("/internal/v5/syslog_drain_urls").body()).isEqualTo("{\"results\":{},\"next_id\":null}");
    }

    @Test
    void batchSizeAndNextIdMustBeNonNegativeIntegers() {
        assertError(api.get("/internal/v5/syslog_drain_urls?batch_size=-1"), 400, "CF-BadQueryParameter", 10005,
                "The query parameter is invalid: batch_size must be a non-negative integer");
        assertError(api.get("/internal/v5/syslog_drain_urls?next_id=abc"), 400, "CF-BadQueryParameter", 10005,
                "The query parameter is invalid: next_id must be a non-negative integer");
    }
}
