package dev.capi.tck.registrycredentials;

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
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/registry_credentials} (a vendor extension in the seed): scoped to a space or an org. */
@Checks({
        "DELETE /v3/registry_credentials/:guid",
        "GET /v3/registry_credentials",
        "GET /v3/registry_credentials/:guid",
        "PATCH /v3/registry_credentials/:guid",
        "POST /v3/registry_credentials"})
class RegistryCredentialsTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    private static JsonNode spaceCredential() {
        ApiResponse r = admin.post("/v3/registry_credentials", obj("location", Tck.unique("registry") + ".example.com",
                "username", "robot", "password", "s3cret", "relationships", obj("space", rel(actors.spaceGuid()))));
        assertThat(r.status()).isEqualTo(201);
        return r.body();
    }

    @Test
    void createsASpaceScopedCredentialAndNeverShowsThePassword() {
        JsonNode c = spaceCredential();
        assertThat(c.path("scope").asText()).isEqualTo("space");
        assertThat(c.path("username").asText()).isEqualTo("robot");
        assertThat(c.has("password")).isFalse();
        assertThat(c.path("relationships").path("space").path("data").path("guid").asText())
                .isEqualTo(actors.spaceGuid());
        assertThat(c.path("relationships").path("organization").path("data").path("guid").asText())
                .isEqualTo(actors.orgGuid());
        assertThat(admin.get("/v3/registry_credentials/" + c.path("guid").asText()).raw()).doesNotContain("s3cret");
    }

    @Test
    void spaceDevelopersWriteSpaceCredentialsAndSpaceReadersSeeThem() {
        actors.check(Expect.byDefault(403).and(201, ADMIN, SPACE_DEVELOPER).and(422, ORG_AUDITOR,
                        ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.post("/v3/registry_credentials", obj("location", Tck.unique("r") + ".example.com",
                        "username", "u", "password", "p", "relationships", obj("space", rel(actors.spaceGuid())))));
        String guid = spaceCredential().path("guid").asText();
        actors.check(Expect.byDefault(200).and(404, NO_ROLE),
                cf -> cf.get("/v3/registry_credentials/" + guid));
    }

    @Test
    void orgManagersWriteOrganizationCredentials() {
        actors.check(Expect.byDefault(403).and(201, ADMIN, ORG_MANAGER).and(422, NO_ROLE),
                cf -> cf.post("/v3/registry_credentials", obj("location", Tck.unique("r") + ".example.com",
                        "username", "u", "password", "p",
                        "relationships", obj("organization", rel(actors.orgGuid())))));
    }

    @Test
    void listsFilterByScopeAndHideWhatUsersCannotSee() {
        String guid = spaceCredential().path("guid").asText();
        assertThat(admin.get("/v3/registry_credentials?scopes=space&space_guids=" + actors.spaceGuid())
                .resourceValues("guid")).contains(guid);
        assertThat(admin.get("/v3/registry_credentials?scopes=organization&space_guids=" + actors.spaceGuid())
                .resourceValues("guid")).isEmpty();
        assertThat(actors.as(NO_ROLE).get("/v3/registry_credentials").resourceValues("guid")).doesNotContain(guid);
    }

    @Test
    void updatesAndDeletes() {
        String guid = spaceCredential().path("guid").asText();
        ApiResponse r = actors.as(SPACE_DEVELOPER).patch("/v3/registry_credentials/" + guid,
                obj("username", "robot-2", "metadata", obj("labels", obj("team", "a"))));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("username").asText()).isEqualTo("robot-2");
        assertThat(actors.as(SPACE_AUDITOR).delete("/v3/registry_credentials/" + guid).status()).isEqualTo(403);
        assertThat(actors.as(SPACE_DEVELOPER).delete("/v3/registry_credentials/" + guid).status()).isEqualTo(204);
        assertThat(admin.get("/v3/registry_credentials/" + guid).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"username\": \"u\", \"password\": \"p\", \"relationships\": {\"space\": {\"data\": {\"guid\": \"SPACE\"}}}}",
            "{\"location\": \"x\", \"username\": \"u\", \"password\": \"p\"}",
            "{\"location\": \"x\", \"username\": \"u\", \"password\": 5, \"relationships\": {\"space\": {\"data\": {\"guid\": \"SPACE\"}}}}",
            "{\"location\": \"x\", \"username\": \"u\", \"password\": \"p\", \"relationships\": {\"space\": {\"data\": {\"guid\": \"SPACE\"}}, \"organization\": {\"data\": {\"guid\": \"ORG\"}}}}",
            "{\"location\": \"x\", \"username\": \"u\", \"password\": \"p\", \"extra\": 1, \"relationships\": {\"space\": {\"data\": {\"guid\": \"SPACE\"}}}}"})
    void refusesBadInputAndChangesNothing(String body) {
        long before = admin.get("/v3/registry_credentials").body().path("pagination").path("total_results").asLong();
        ApiResponse r = admin.send("POST", "/v3/registry_credentials",
                body.replace("SPACE", actors.spaceGuid()).replace("ORG", actors.orgGuid()), "application/json");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
        assertThat(admin.get("/v3/registry_credentials").body().path("pagination").path("total_results").asLong())
                .isEqualTo(before);
    }

    @Test
    void aLocationIsUniqueInItsScope() {
        String location = Tck.unique("dup") + ".example.com";
        var body = obj("location", location, "username", "u", "password", "p",
                "relationships", obj("space", rel(actors.spaceGuid())));
        assertThat(admin.post("/v3/registry_credentials", body).status()).isEqualTo(201);
        ApiResponse again = admin.post("/v3/registry_credentials", body);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.errorDetail()).contains(location);
    }
}
