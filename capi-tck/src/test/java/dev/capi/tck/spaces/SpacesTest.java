package dev.capi.tck.spaces;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/spaces} and the space features. */
class SpacesTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    private static String path() {
        return "/v3/spaces/" + actors.spaceGuid();
    }

    private static long spacesInOrg(String org) {
        return admin.get("/v3/spaces?organization_guids=" + org).body().path("pagination").path("total_results")
                .asLong();
    }

    @Nested
    @DisplayName("POST /v3/spaces")
    class Create {
        @Test
        void createsASpaceInTheOrganization() {
            String name = Tck.unique("space");
            ApiResponse r = admin.post("/v3/spaces", obj("name", name,
                    "relationships", obj("organization", rel(actors.orgGuid())),
                    "metadata", obj("labels", obj("tier", "gold"))));
            assertThat(r.status()).isEqualTo(201);
            JsonNode s = r.body();
            assertThat(s.path("name").asText()).isEqualTo(name);
            assertThat(s.path("relationships").path("organization").path("data").path("guid").asText())
                    .isEqualTo(actors.orgGuid());
            assertThat(s.path("metadata").path("labels").path("tier").asText()).isEqualTo("gold");
            assertThat(s.path("links").path("organization").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/organizations/" + actors.orgGuid());
            assertThat(s.path("links").path("apply_manifest").path("method").asText()).isEqualTo("POST");
        }

        @Test
        void orgManagersAndAdminsMayCreate() {
            actors.check(Expect.byDefault(403).and(201, ADMIN, ORG_MANAGER).and(422, NO_ROLE),
                    cf -> cf.post("/v3/spaces", obj("name", Tck.unique("space"),
                            "relationships", obj("organization", rel(actors.orgGuid())))));
        }

        @Test
        void duplicateNamesAreRefused() {
            String name = Tck.unique("space");
            var body = obj("name", name, "relationships", obj("organization", rel(actors.orgGuid())));
            assertThat(admin.post("/v3/spaces", body).status()).isEqualTo(201);
            long before = spacesInOrg(actors.orgGuid());
            ApiResponse r = admin.post("/v3/spaces", body);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo("Name must be unique per organization");
            assertThat(spacesInOrg(actors.orgGuid())).isEqualTo(before);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "{\"name\": \"x\"}|422",
                "{\"relationships\": {\"organization\": {\"data\": {\"guid\": \"ORG\"}}}}|422",
                "{\"name\": \"x\", \"relationships\": {\"organization\": {\"data\": {\"guid\": \"nope\"}}}}|422",
                "{\"name\": \"x\", \"relationships\": {\"organization\": 5}}|422",
                "{\"name\": \"x\", \"extra\": 1, \"relationships\": {\"organization\": {\"data\": {\"guid\": \"ORG\"}}}}|422",
                "{bad json|400"})
        void refusesBadInput(String body, int status) {
            long before = spacesInOrg(actors.orgGuid());
            ApiResponse r = admin.send("POST", "/v3/spaces", body.replace("ORG", actors.orgGuid()),
                    "application/json");
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.errorTitle()).startsWith("CF-");
            assertThat(spacesInOrg(actors.orgGuid())).isEqualTo(before);
        }
    }

    @Nested
    @DisplayName("GET /v3/spaces/:guid")
    class Get {
        @Test
        void spaceReadersOrgManagersAndGlobalReadersSeeIt() {
            actors.check(Expect.byDefault(200).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.get(path()));
        }

        @Test
        void includesItsOrganization() {
            ApiResponse r = admin.get(path() + "?include=organization");
            assertThat(r.body().path("included").path("organizations").path(0).path("guid").asText())
                    .isEqualTo(actors.orgGuid());
            assertThat(admin.get(path() + "?include=bogus").status()).isEqualTo(400);
        }
    }

    @Nested
    @DisplayName("GET /v3/spaces")
    class List {
        @Test
        void listsVisibleSpacesWithIncludedOrganizations() {
            ApiResponse r = actors.as(SPACE_AUDITOR).get("/v3/spaces?include=organization");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.resourceValues("guid")).containsExactly(actors.spaceGuid());
            assertThat(r.body().path("included").path("organizations")).extracting(o -> o.path("guid").asText())
                    .containsExactly(actors.orgGuid());
            assertThat(actors.as(ORG_AUDITOR).get("/v3/spaces").body().path("resources")).isEmpty();
        }

        @Test
        void refusesUnknownParameters() {
            ApiResponse r = admin.get("/v3/spaces?bogus=1");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorTitle()).isEqualTo("CF-BadQueryParameter");
        }
    }

    @Nested
    @DisplayName("PATCH /v3/spaces/:guid")
    class Update {
        @Test
        void spaceManagersOrgManagersAndAdminsMayUpdate() {
            actors.check(Expect.byDefault(403).and(200, ADMIN, ORG_MANAGER, SPACE_MANAGER)
                            .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.patch(path(), obj("metadata", obj("labels", obj("k", "v")))));
        }
    }

    @Nested
    @DisplayName("space features")
    class Features {
        @Test
        void sshCanBeDisabledByASpaceManager() {
            assertThat(admin.get(path() + "/features").body().path("resources").path(0).path("name").asText())
                    .isEqualTo("ssh");
            ApiResponse r = actors.as(SPACE_MANAGER).patch(path() + "/features/ssh", obj("enabled", false));
            assertThat(r.status()).isEqualTo(200);
            assertThat(admin.get(path() + "/features/ssh").body().path("enabled").asBoolean()).isFalse();
            assertThat(actors.as(SPACE_DEVELOPER).patch(path() + "/features/ssh", obj("enabled", true)).status())
                    .isEqualTo(403);
            assertThat(admin.get(path() + "/features/bogus").status()).isEqualTo(404);
            admin.patch(path() + "/features/ssh", obj("enabled", true));
        }
    }

    @Nested
    @DisplayName("DELETE /v3/spaces/:guid")
    class Delete {
        @Test
        void deletesAsynchronously() {
            String guid = tck.createSpace(actors.orgGuid()).path("guid").asText();
            ApiResponse r = admin.delete("/v3/spaces/" + guid);
            assertThat(r.status()).isEqualTo(202);
            assertThat(admin.awaitJob(r).path("state").asText()).isEqualTo("COMPLETE");
            assertThat(admin.get("/v3/spaces/" + guid).status()).isEqualTo(404);
        }

        @Test
        void onlyOrgManagersAndAdminsMayDelete() {
            actors.check(Expect.byDefault(403).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE)
                    .and(Expect.SKIP, ADMIN, ORG_MANAGER), cf -> cf.delete(path()));
            for (var role : new dev.capi.tck.support.Role[]{ADMIN, ORG_MANAGER}) {
                String fresh = tck.createSpace(actors.orgGuid()).path("guid").asText();
                assertThat(actors.as(role).delete("/v3/spaces/" + fresh).status()).as(role.name()).isEqualTo(202);
            }
        }
    }
}
