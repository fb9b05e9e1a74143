package dev.capi.rest.internal.logging;

import dev.capi.rest.internal.support.InternalApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import dev.capi.domain.servicebindings.SyslogDrains;

import java.util.List;

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
        assertThat(response.body()).isEqualTo("{\"results\":[],\"next_id\":null}");
        assertThat(api.get("/internal/v5/syslog_drain_urls").body()).isEqualTo("{\"results\":[],\"next_id\":null}");
    }

    @Test
    void drainsListTheirAppsGroupedByTlsMaterialWithTheReferenceHostNames() {
        api.domain.serviceBindings.drains.add(new SyslogDrains.Drain("syslog://logs.example.com:514", List.of(
                new SyslogDrains.DrainingApp("app-1", "my org", "dev", "web_app!", "", "", ""),
                new SyslogDrains.DrainingApp("app-2", "o", "s", "worker-", "", "", ""),
                new SyslogDrains.DrainingApp("app-3", "o", "s", "tls", "CERT", "KEY", "CA"))));
        api.domain.serviceBindings.drains.add(new SyslogDrains.Drain("syslog://other", List.of(
                new SyslogDrains.DrainingApp("app-4", "o", "s", "a", "", "", ""))));

        var first = api.get("/internal/v5/syslog_drain_urls?batch_size=1");
        assertThat(first.body()).isEqualTo("{\"results\":[{\"url\":\"syslog://logs.example.com:514\",\"credentials\":["
                + "{\"cert\":\"\",\"key\":\"\",\"ca\":\"\",\"apps\":[{\"hostname\":\"my-org.dev.webapp\",\"app_id\":\"app-1\"},"
                + "{\"hostname\":\"o.s.worker\",\"app_id\":\"app-2\"}]},"
                + "{\"cert\":\"CERT\",\"key\":\"KEY\",\"ca\":\"CA\",\"apps\":[{\"hostname\":\"o.s.tls\",\"app_id\":\"app-3\"}]}]}],"
                + "\"next_id\":1}");
        assertThat(api.get("/internal/v5/syslog_drain_urls?batch_size=1&next_id=1").body())
                .contains("syslog://other").endsWith("\"next_id\":2}");
        assertThat(api.get("/internal/v5/syslog_drain_urls?batch_size=1&next_id=2").body())
                .isEqualTo("{\"results\":[],\"next_id\":null}");
    }

    @Test
    void batchSizeAndNextIdMustBeNonNegativeIntegers() {
        assertError(api.get("/internal/v5/syslog_drain_urls?batch_size=-1"), 400, "CF-BadQueryParameter", 10005,
                "The query parameter is invalid: batch_size must be a non-negative integer");
        assertError(api.get("/internal/v5/syslog_drain_urls?next_id=abc"), 400, "CF-BadQueryParameter", 10005,
                "The query parameter is invalid: next_id must be a non-negative integer");
    }
}
