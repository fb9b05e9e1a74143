package dev.capi.tck.sidecars;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of sidecars: create on an app, read per app and per process, update, delete; rules and roles. */
@Checks({
        "DELETE /v3/sidecars/:guid",
        "GET /v3/apps/:guid/processes/:type",
        "GET /v3/apps/:guid/sidecars",
        "GET /v3/processes/:guid/sidecars",
        "GET /v3/sidecars/:guid",
        "PATCH /v3/sidecars/:guid",
        "POST /v3/apps/:guid/sidecars"})
class SidecarsTest {
    static Tck tck;
    static Cf dev;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        actors = tck.actors();
        dev = actors.as(SPACE_DEVELOPER);
    }

    static String app() {
        return actors.newApp("sidecar-app");
    }

    @Test
    void createsReadsUpdatesAndDeletes() {
        String app = app();
        ApiResponse created = dev.post("/v3/apps/" + app + "/sidecars", obj("name", "auth-proxy",
                "command", "./proxy", "process_types", List.of("web"), "memory_in_mb", 64));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode s = created.body();
        assertThat(s.path("origin").asText()).isEqualTo("user");
        assertThat(s.path("process_types").get(0).asText()).isEqualTo("web");
        assertThat(s.path("memory_in_mb").asInt()).isEqualTo(64);
        String guid = s.path("guid").asText();
        String web = dev.get("/v3/apps/" + app + "/processes/web").body().path("guid").asText();
        assertThat(dev.get("/v3/processes/" + web + "/sidecars").resourceValues("guid")).containsExactly(guid);
        assertThat(dev.get("/v3/apps/" + app + "/sidecars").resourceValues("name")).containsExactly("auth-proxy");
        ApiResponse updated = dev.patch("/v3/sidecars/" + guid, obj("command", "./proxy --v2"));
        assertThat(updated.body().path("command").asText()).isEqualTo("./proxy --v2");
        assertThat(updated.body().path("name").asText()).isEqualTo("auth-proxy");
        actors.check(Expect.byDefault(200).and(404, ORG_USER, ORG_BILLING_MANAGER, ORG_AUDITOR, NO_ROLE),
                cf -> cf.get("/v3/sidecars/" + guid));
        actors.check(Expect.byDefault(403).and(Expect.SKIP, ADMIN, SPACE_DEVELOPER)
                        .and(404, ORG_USER, ORG_BILLING_MANAGER, ORG_AUDITOR, NO_ROLE),
                cf -> cf.patch("/v3/sidecars/" + guid, obj("command", "x")));
        assertThat(dev.delete("/v3/sidecars/" + guid).status()).isEqualTo(204);
        assertThat(dev.get("/v3/sidecars/" + guid).errorDetail()).isEqualTo("Sidecar not found");
    }

    @Test
    void refusesWhatTheReferenceRefuses() {
        String app = app();
        dev.post("/v3/apps/" + app + "/sidecars", obj("name", "one", "command", "x", "process_types",
                List.of("web")));
        assertThat(dev.post("/v3/apps/" + app + "/sidecars", obj("name", "one", "command", "y", "process_types",
                List.of("web"))).errorDetail()).isEqualTo("Sidecar with name 'one' already exists for given app");
        assertThat(dev.post("/v3/apps/" + app + "/sidecars", obj("name", "big", "command", "y", "process_types",
                List.of("web"), "memory_in_mb", 4096)).errorDetail())
                .isEqualTo("The memory allocation defined is too large to run with the dependent \"web\" process");
        assertThat(dev.post("/v3/apps/" + app + "/sidecars", obj("name", "none", "command", "y", "process_types",
                List.of())).errorDetail()).contains("Process types must have at least 1 process_type");
        assertThat(dev.post("/v3/apps/" + app + "/sidecars", obj("command", "y", "process_types", List.of("web")))
                .errorDetail()).contains("Name can't be blank");
        assertThat(dev.get("/v3/apps/" + app + "/sidecars").body().path("pagination").path("total_results")
                .asInt()).isEqualTo(1);
        actors.check(Expect.byDefault(403).and(201, ADMIN, SPACE_DEVELOPER)
                        .and(404, ORG_USER, ORG_BILLING_MANAGER, ORG_AUDITOR, NO_ROLE),
                cf -> cf.post("/v3/apps/" + app + "/sidecars", obj("name", Tck.unique("s"), "command", "x",
                        "process_types", List.of("web"))));
    }
}
