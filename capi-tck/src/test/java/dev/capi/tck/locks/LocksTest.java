package dev.capi.tck.locks;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/locks} (a seed extension): a lock keeps its app from being deleted. */
@Checks({
        "DELETE /v3/apps/:guid",
        "DELETE /v3/locks/:guid",
        "GET /v3/apps/:guid",
        "GET /v3/locks",
        "GET /v3/locks/:guid",
        "PATCH /v3/locks/:guid",
        "POST /v3/apps",
        "POST /v3/locks"})
class LocksTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    private static String createApp() {
        ApiResponse r = admin.post("/v3/apps", obj("name", Tck.unique("app"),
                "relationships", obj("space", rel(actors.spaceGuid()))));
        assertThat(r.status()).isEqualTo(201);
        return r.body().path("guid").asText();
    }

    private static JsonNode lock(Cf cf, String app) {
        ApiResponse r = cf.post("/v3/locks", obj("title", "freeze", "detail", "release in progress",
                "relationships", obj("app", rel(app))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body();
    }

    @Test
    void aLockedAppCannotBeDeletedUntilTheLockIsRemoved() {
        String app = createApp();
        JsonNode lock = lock(admin, app);
        assertThat(lock.path("relationships").path("app").path("data").path("guid").asText()).isEqualTo(app);
        assertThat(lock.path("title").asText()).isEqualTo("freeze");
        ApiResponse refused = admin.delete("/v3/apps/" + app);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorDetail()).contains("locked");
        assertThat(admin.get("/v3/apps/" + app).status()).isEqualTo(200);

        ApiResponse unlock = admin.delete("/v3/locks/" + lock.path("guid").asText());
        assertThat(unlock.status()).isEqualTo(202);
        assertThat(admin.awaitJob(unlock).path("state").asText()).isEqualTo("COMPLETE");
        ApiResponse deleted = admin.delete("/v3/apps/" + app);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(admin.awaitJob(deleted).path("state").asText()).isEqualTo("COMPLETE");
    }

    @Test
    void spaceDevelopersLockAndSpaceReadersSee() {
        String app = createApp();
        actors.check(Expect.byDefault(403).and(201, ADMIN, SPACE_DEVELOPER)
                        .and(422, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.post("/v3/locks", obj("title", "t", "relationships", obj("app", rel(app)))));
        String guid = lock(admin, app).path("guid").asText();
        actors.check(Expect.byDefault(200).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.get("/v3/locks/" + guid));
        assertThat(admin.get("/v3/locks?app_guids=" + app).resourceValues("guid")).contains(guid);
        assertThat(actors.as(NO_ROLE).get("/v3/locks?app_guids=" + app).resourceValues("guid")).isEmpty();
    }

    @Test
    void refusesBadInputAndUnknownApps() {
        long before = admin.get("/v3/locks").body().path("pagination").path("total_results").asLong();
        assertThat(admin.post("/v3/locks", obj("relationships", obj("app", rel(createApp())))).status())
                .isEqualTo(422);
        ApiResponse unknown = admin.post("/v3/locks", obj("title", "t", "relationships", obj("app", rel("nope"))));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorDetail()).startsWith("Invalid app.");
        assertThat(admin.get("/v3/locks").body().path("pagination").path("total_results").asLong()).isEqualTo(before);
    }

    @Test
    void updatesTheDetail() {
        String guid = lock(admin, createApp()).path("guid").asText();
        ApiResponse r = actors.as(SPACE_DEVELOPER).patch("/v3/locks/" + guid, obj("detail", "done soon"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("detail").asText()).isEqualTo("done soon");
        assertThat(actors.as(SPACE_AUDITOR).patch("/v3/locks/" + guid, obj("detail", "x")).status()).isEqualTo(403);
    }
}
