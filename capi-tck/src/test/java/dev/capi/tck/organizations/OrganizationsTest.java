package dev.capi.tck.organizations;

import dev.capi.tck.support.Checks;
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
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/organizations}. */
class OrganizationsTest {
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
        return "/v3/organizations/" + actors.orgGuid();
    }

    @Nested
    @DisplayName("POST /v3/organizations")
    @Checks({
            "DELETE /v3/organizations/:guid",
            "GET /v3/audit_events",
            "GET /v3/organizations",
            "GET /v3/organizations/:guid",
            "PATCH /v3/organizations/:guid",
            "POST /v3/organizations"})
    class Create {
        @Test
        void createsAnOrganizationWithMetadataAndRecordsAnAuditEvent() {
            String name = Tck.unique("org");
            ApiResponse r = admin.post("/v3/organizations", obj("name", name, "metadata",
                    obj("labels", obj("env", "prod"), "annotations", obj("note", "hello"))));
            assertThat(r.status()).isEqualTo(201);
            JsonNode org = r.body();
            assertThat(org.path("name").asText()).isEqualTo(name);
            assertThat(org.path("guid").asText()).hasSize(36);
            assertThat(org.path("suspended").asBoolean()).isFalse();
            assertThat(org.path("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            assertThat(org.path("metadata").path("labels").path("env").asText()).isEqualTo("prod");
            assertThat(org.path("metadata").path("annotations").path("note").asText()).isEqualTo("hello");
            assertThat(org.path("links").path("self").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/organizations/" + org.path("guid").asText());
            assertThat(org.has("relationships")).isTrue();
            ApiResponse events = admin.get("/v3/audit_events?types=audit.organization.create&target_guids="
                    + org.path("guid").asText());
            if (events.status() == 200) {
                assertThat(events.body().path("resources")).hasSize(1);
            }
        }

        @Test
        void refusesADuplicateNameAndChangesNothing() {
            String name = Tck.unique("org");
            assertThat(admin.post("/v3/organizations", obj("name", name)).status()).isEqualTo(201);
            ApiResponse r = admin.post("/v3/organizations", obj("name", name));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
            assertThat(r.errorDetail()).isEqualTo("Organization '" + name + "' already exists.");
            assertThat(admin.get("/v3/organizations?names=" + name).body().path("pagination")
                    .path("total_results").asInt()).isEqualTo(1);
        }

        @ParameterizedTest(name = "{0} -> {1} {2}")
        @CsvSource(delimiter = '|', value = {
                "{}|422|CF-UnprocessableEntity",
                "{\"name\": 5}|422|CF-UnprocessableEntity",
                "{\"name\": \"x\", \"bogus\": 1}|422|CF-UnprocessableEntity",
                "{\"name\": \"x\", \"suspended\": \"yes\"}|422|CF-UnprocessableEntity",
                "{\"name\": \"x\", \"metadata\": {\"labels\": {\"cloudfoundry.org/x\": \"y\"}}}|422|CF-UnprocessableEntity",
                "{\"name\": \"x\", \"metadata\": {\"foo\": {}}}|422|CF-UnprocessableEntity",
                "{not json|400|CF-MessageParseError",
                "[1,2]|400|CF-MessageParseError"})
        void refusesBadInput(String body, int status, String title) {
            var before = admin.guids("/v3/organizations");
            ApiResponse r = admin.send("POST", "/v3/organizations", body, "application/json");
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.errorTitle()).isEqualTo(title);
            assertThat(before).as("nothing created").containsAll(admin.guids("/v3/organizations"));
        }

        @Test
        void unknownFieldsAreNamed() {
            ApiResponse r = admin.post("/v3/organizations", obj("name", "x", "bogus", 1));
            assertThat(r.errorDetail()).isEqualTo("Unknown field(s): 'bogus'");
        }

        @Test
        void onlyAdminsMayCreateWhileUserOrgCreationIsOff() {
            actors.check(Expect.byDefault(403).and(201, ADMIN),
                    cf -> cf.post("/v3/organizations", obj("name", Tck.unique("org"))));
        }
    }


    @Nested
    @DisplayName("GET /v3/organizations/:guid")
    @Checks({"GET /v3/organizations/:guid"})
    class Get {
        @Test
        void everyOrgRoleAndSpaceRoleCanSeeIt() {
            actors.check(Expect.byDefault(200).and(404, NO_ROLE), cf -> cf.get(path()));
        }

        @Test
        void unknownGuidIsResourceNotFound() {
            ApiResponse r = admin.get("/v3/organizations/does-not-exist");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.errorTitle()).isEqualTo("CF-ResourceNotFound");
            assertThat(r.errorCode()).isEqualTo(10010);
            assertThat(r.errorDetail()).isEqualTo("Organization not found");
        }
    }

    @Nested
    @DisplayName("GET /v3/organizations")
    @Checks({"GET /v3/organizations", "POST /v3/organizations"})
    class List {
        @Test
        void filtersOrdersAndPaginatesWithTheReferenceLinks() {
            String prefix = Tck.unique("list");
            for (String n : new String[]{"b", "a", "c"}) {
                admin.post("/v3/organizations", obj("name", prefix + "-" + n,
                        "metadata", obj("labels", obj("tck", prefix))));
            }
            ApiResponse r = admin.get("/v3/organizations?label_selector=tck=" + prefix
                    + "&order_by=-name&per_page=2&page=1");
            assertThat(r.status()).isEqualTo(200);
            JsonNode p = r.body().path("pagination");
            assertThat(p.path("total_results").asInt()).isEqualTo(3);
            assertThat(p.path("total_pages").asInt()).isEqualTo(2);
            assertThat(r.body().path("resources").findValuesAsText("name"))
                    .containsExactly(prefix + "-c", prefix + "-b");
            assertThat(p.path("first").path("href").asText()).isEqualTo(tck.baseUrl()
                    + "/v3/organizations?label_selector=tck%3D" + prefix + "&order_by=-name&page=1&per_page=2");
            assertThat(p.path("next").path("href").asText()).endsWith("&page=2&per_page=2");
            assertThat(p.path("previous").isNull()).isTrue();
            ApiResponse byName = admin.get("/v3/organizations?names=" + prefix + "-a," + prefix + "-c");
            assertThat(byName.body().path("resources").findValuesAsText("name"))
                    .containsExactly(prefix + "-a", prefix + "-c");
        }

        @Test
        void usersWithoutRolesSeeNoOrganizations() {
            ApiResponse r = actors.as(NO_ROLE).get("/v3/organizations?guids=" + actors.orgGuid());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().path("resources")).isEmpty();
            ApiResponse mine = actors.as(SPACE_AUDITOR).get("/v3/organizations?guids=" + actors.orgGuid());
            assertThat(mine.body().path("resources")).hasSize(1);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "per_page=0|Per page must be a positive integer",
                "per_page=5001|Per page must be between 1 and 5000",
                "page=0|Page must be a positive integer",
                "order_by=bogus|Order by can only be: 'created_at', 'updated_at', 'name'",
                "bogus=1|Unknown query parameter(s): 'bogus'",
                "created_ats=yesterday|Created ats has an invalid timestamp format",
                "label_selector=|Missing label_selector value"})
        void refusesBadQueryParameters(String query, String detail) {
            ApiResponse r = admin.get("/v3/organizations?" + query);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorTitle()).isEqualTo("CF-BadQueryParameter");
            assertThat(r.errorDetail()).startsWith("The query parameter is invalid: " + detail);
        }
    }

    @Nested
    @DisplayName("PATCH /v3/organizations/:guid")
    @Checks({"GET /v3/organizations/:guid", "PATCH /v3/organizations/:guid"})
    class Update {
        @Test
        void orgManagersAndAdminsMayRename() {
            actors.check(Expect.byDefault(403).and(200, ADMIN, ORG_MANAGER).and(404, NO_ROLE),
                    cf -> cf.patch(path(), obj("metadata", obj("labels", obj("by", "x")))));
        }

        @Test
        void mergesMetadataAndNullDeletes() {
            String guid = tck.createOrg().path("guid").asText();
            admin.patch("/v3/organizations/" + guid, obj("metadata", obj("labels", obj("a", "1", "b", "2"))));
            ApiResponse r = admin.patch("/v3/organizations/" + guid,
                    obj("metadata", obj("labels", obj("a", null, "c", "3"))));
            assertThat(r.status()).isEqualTo(200);
            JsonNode labels = r.body().path("metadata").path("labels");
            assertThat(labels.has("a")).isFalse();
            assertThat(labels.path("b").asText()).isEqualTo("2");
            assertThat(labels.path("c").asText()).isEqualTo("3");
        }

        @Test
        void onlyAdminsSuspend() {
            String guid = tck.createOrg().path("guid").asText();
            ApiResponse r = admin.patch("/v3/organizations/" + guid, obj("suspended", true));
            assertThat(r.body().path("suspended").asBoolean()).isTrue();
            ApiResponse byManager = actors.as(ORG_MANAGER).patch(path(), obj("suspended", true));
            assertThat(byManager.status()).isEqualTo(403);
            assertThat(admin.get(path()).body().path("suspended").asBoolean()).isFalse();
        }
    }

    @Nested
    @DisplayName("DELETE /v3/organizations/:guid")
    @Checks({"DELETE /v3/organizations/:guid", "GET /v3/organizations/:guid"})
    class Delete {
        @Test
        void deletesAsynchronouslyWithAJob() {
            String guid = tck.createOrg().path("guid").asText();
            ApiResponse r = admin.delete("/v3/organizations/" + guid);
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.header("Location")).startsWith(tck.baseUrl() + "/v3/jobs/");
            JsonNode job = admin.awaitJob(r);
            assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
            assertThat(job.path("operation").asText()).isEqualTo("organization.delete");
            assertThat(admin.get("/v3/organizations/" + guid).status()).isEqualTo(404);
        }

        @Test
        void onlyAdminsMayDelete() {
            actors.check(Expect.byDefault(403).and(404, NO_ROLE).and(Expect.SKIP, ADMIN), cf -> cf.delete(path()));
            String fresh = tck.createOrg().path("guid").asText();
            assertThat(admin.delete("/v3/organizations/" + fresh).status()).isEqualTo(202);
        }
    }
}
