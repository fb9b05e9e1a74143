package dev.capi.rest.internal;

import dev.capi.rest.internal.support.InternalApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.capi.rest.internal.support.Json.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** What the internal API answers whatever the endpoint: the V3 error document, never a framework page. */
class InternalApiTest {
    private final InternalApiServer api = new InternalApiServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void servesEveryResourceOnceAndMapsErrorsItself() {
        assertThat(InternalApi.resources()).doesNotHaveDuplicates().hasSize(17);
        assertThat(InternalApi.providers()).extracting(Class::getPackageName)
                .noneMatch(p -> p.startsWith("dev.capi.rest.v3"));
    }

    @Test
    void anUnknownPathIs404NotFoundAsAV3ErrorDocument() {
        assertError(api.get("/internal/v4/nothing-here"), 404, "CF-NotFound", 10000, "Unknown request");
    }

    @Test
    void aWrongMethodIs404NotFound() {
        assertError(api.send(api.request("/internal/v4/asg_latest_update").DELETE().build()), 404, "CF-NotFound",
                10000, "Unknown request");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIs400MessageParseError() {
        var seeds = new dev.capi.rest.internal.support.Seeds(api.domain);
        var task = seeds.task(dev.capi.model.Task.RUNNING);
        assertError(api.post("/internal/v4/tasks/" + task.guid() + "/completed", "[1, 2"), 400,
                "CF-MessageParseError", 1001, "Request invalid due to parse error: invalid request body");
        assertError(api.post("/internal/v4/tasks/" + task.guid() + "/completed", "\"text\""), 400,
                "CF-MessageParseError", 1001, null);
        assertThat(api.domain.tasks.find(task.guid()).orElseThrow().state()).isEqualTo(dev.capi.model.Task.RUNNING);
    }

    @Test
    void anUnsupportedMediaTypeIs400MessageParseError() {
        var response = api.send(api.request("/internal/v4/buildpack_cache/cflinuxfs4/some-app/upload")
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("bits")).build());
        assertError(response, 400, "CF-MessageParseError", 1001, "invalid request body");
    }
}
