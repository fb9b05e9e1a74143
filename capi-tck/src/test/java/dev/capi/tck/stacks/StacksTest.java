package dev.capi.tck.stacks;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/stacks}. */
@Checks({
        "DELETE /v3/stacks/:guid",
        "GET /v3/audit_events",
        "GET /v3/stacks",
        "GET /v3/stacks/:guid",
        "GET /v3/stacks/:guid/apps",
        "PATCH /v3/stacks/:guid",
        "POST /v3/apps",
        "POST /v3/stacks"})
class StacksTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    private static JsonNode createStack() {
        ApiResponse r = admin.post("/v3/stacks", obj("name", Tck.unique("stack"), "description", "a test stack"));
        assertThat(r.status()).isEqualTo(201);
        return r.body();
    }

    @Test
    void theConfiguredDefaultStackIsSeeded() {
        ApiResponse r = admin.get("/v3/stacks?default=true");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.resourceValues("name")).hasSize(1);
        assertThat(r.body().path("resources").path(0).path("default").asBoolean()).isTrue();
    }

    @Test
    void createsAStackWithTheReferenceFields() {
        JsonNode s = createStack();
        assertThat(s.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(s.path("default").asBoolean()).isFalse();
        assertThat(s.path("description").asText()).isEqualTo("a test stack");
        assertThat(s.has("build_rootfs_image")).isTrue();
        assertThat(s.path("links").path("self").path("href").asText())
                .isEqualTo(tck.baseUrl() + "/v3/stacks/" + s.path("guid").asText());
    }

    @Test
    void everyoneReadsOnlyAdminsWrite() {
        String guid = createStack().path("guid").asText();
        actors.check(Expect.byDefault(200), cf -> cf.get("/v3/stacks/" + guid));
        actors.check(Expect.byDefault(403).and(200, ADMIN),
                cf -> cf.patch("/v3/stacks/" + guid, obj("metadata", obj("labels", obj("k", "v")))));
        actors.check(Expect.byDefault(403).and(201, ADMIN),
                cf -> cf.post("/v3/stacks", obj("name", Tck.unique("stack"))));
    }

    @Test
    void stateChangesAreRecorded() {
        String guid = createStack().path("guid").asText();
        ApiResponse r = admin.patch("/v3/stacks/" + guid, obj("state", "DEPRECATED", "state_reason", "use fs4"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("state").asText()).isEqualTo("DEPRECATED");
        assertThat(r.body().path("state_reason").asText()).isEqualTo("use fs4");
        assertThat(admin.get("/v3/audit_events?types=audit.stack.update&target_guids=" + guid)
                .resourceValues("guid")).hasSize(1);
    }

    @Test
    void deletesSynchronously() {
        String guid = createStack().path("guid").asText();
        assertThat(actors.as(ORG_MANAGER).delete("/v3/stacks/" + guid).status()).isEqualTo(403);
        assertThat(admin.delete("/v3/stacks/" + guid).status()).isEqualTo(204);
        assertThat(admin.get("/v3/stacks/" + guid).status()).isEqualTo(404);
        assertThat(admin.get("/v3/stacks/" + guid).errorDetail()).isEqualTo("Stack not found");
    }

    @Test
    void filtersByNameAndLabel() {
        JsonNode s = createStack();
        String name = s.path("name").asText();
        admin.patch("/v3/stacks/" + s.path("guid").asText(), obj("metadata", obj("labels", obj("tier", name))));
        assertThat(admin.get("/v3/stacks?names=" + name).resourceValues("name")).containsExactly(name);
        assertThat(admin.get("/v3/stacks?label_selector=tier=" + name).resourceValues("name")).containsExactly(name);
        assertThat(admin.get("/v3/stacks/" + s.path("guid").asText() + "/apps").body().path("pagination")
                .path("total_results").asInt()).isZero();
    }

    @Test
    void listsTheAppsOnAStackAndRefusesToDeleteItWhileInUse() {
        JsonNode stack = createStack();
        String name = stack.path("name").asText();
        ApiResponse app = admin.post("/v3/apps", obj("name", Tck.unique("app"),
                "lifecycle", obj("type", "buildpack", "data", obj("stack", name)),
                "relationships", obj("space", dev.capi.tck.support.Json.rel(actors.spaceGuid()))));
        assertThat(app.status()).as(app.toString()).isEqualTo(201);
        ApiResponse apps = admin.get("/v3/stacks/" + stack.path("guid").asText() + "/apps");
        assertThat(apps.resourceValues("guid")).containsExactly(app.body().path("guid").asText());
        assertThat(actors.as(NO_ROLE).get("/v3/stacks/" + stack.path("guid").asText() + "/apps")
                .resourceValues("guid")).isEmpty();
        assertThat(admin.delete("/v3/stacks/" + stack.path("guid").asText()).status()).isEqualTo(422);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{}", "{\"name\": 7}", "{\"name\": \"x\", \"state\": \"BROKEN\"}", "{\"name\": \"x\", \"bogus\": true}"})
    void refusesBadInputAndChangesNothing(String body) {
        long before = admin.get("/v3/stacks").body().path("pagination").path("total_results").asLong();
        ApiResponse r = admin.send("POST", "/v3/stacks", body, "application/json");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
        assertThat(admin.get("/v3/stacks").body().path("pagination").path("total_results").asLong())
                .isEqualTo(before);
    }

    @Test
    void namesAreUnique() {
        String name = createStack().path("name").asText();
        ApiResponse r = admin.post("/v3/stacks", obj("name", name));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorDetail()).isEqualTo("Name must be unique");
    }
}
