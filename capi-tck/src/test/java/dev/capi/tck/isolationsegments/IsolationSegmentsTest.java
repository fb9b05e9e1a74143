package dev.capi.tck.isolationsegments;

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

import java.util.List;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance of {@code /v3/isolation_segments}, the organization's default isolation segment and the space's
 * isolation segment.
 */
class IsolationSegmentsTest {
    static final String SHARED = "933b4c58-120b-499a-b85d-4b6fc9e2903b";
    static Tck tck;
    static Cf admin;
    static Actors actors;
    /** Entitled to the actors' organization. */
    static String entitled;
    /** Entitled to no organization. */
    static String unentitled;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
        entitled = createSegment(Tck.unique("seg"));
        entitle(entitled, actors.orgGuid());
        unentitled = createSegment(Tck.unique("seg"));
    }

    static String createSegment(String name) {
        ApiResponse r = admin.post("/v3/isolation_segments", obj("name", name));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().path("guid").asText();
    }

    static void entitle(String segment, String org) {
        ApiResponse r = admin.post(orgsOf(segment), obj("data", List.of(obj("guid", org))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    static String orgsOf(String segment) {
        return "/v3/isolation_segments/" + segment + "/relationships/organizations";
    }

    static long countNamed(String name) {
        return admin.get("/v3/isolation_segments?names=" + name).body().path("pagination").path("total_results")
                .asLong();
    }

    static List<String> dataGuids(ApiResponse r) {
        return r.body().path("data").findValuesAsText("guid");
    }

    @Nested
    @DisplayName("POST /v3/isolation_segments")
    @Checks({
            "DELETE /v3/isolation_segments/:guid",
            "GET /v3/isolation_segments",
            "GET /v3/isolation_segments/:guid",
            "PATCH /v3/isolation_segments/:guid",
            "POST /v3/isolation_segments"})
    class Create {
        @Test
        void createsASegmentWithMetadata() {
            String name = Tck.unique("seg");
            ApiResponse r = admin.post("/v3/isolation_segments", obj("name", name,
                    "metadata", obj("labels", obj("release", "stable"), "annotations", obj("note", "this info"))));
            assertThat(r.status()).isEqualTo(201);
            JsonNode s = r.body();
            String guid = s.path("guid").asText();
            assertThat(s.path("name").asText()).isEqualTo(name);
            assertThat(s.path("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            assertThat(s.path("metadata").path("labels").path("release").asText()).isEqualTo("stable");
            assertThat(s.path("metadata").path("annotations").path("note").asText()).isEqualTo("this info");
            assertThat(s.path("links").path("self").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/isolation_segments/" + guid);
            assertThat(s.path("links").path("organizations").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/isolation_segments/" + guid + "/organizations");
            assertThat(admin.get("/v3/isolation_segments/" + guid).body().path("name").asText()).isEqualTo(name);
        }

        @Test
        void onlyAdminsMayCreate() {
            actors.check(Expect.byDefault(403).and(201, ADMIN),
                    cf -> cf.post("/v3/isolation_segments", obj("name", Tck.unique("seg"))));
        }

        @Test
        void nonAdminsAreRefusedBeforeTheBodyIsRead() {
            ApiResponse r = actors.as(ORG_MANAGER).post("/v3/isolation_segments", obj("bogus", 1));
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.errorTitle()).isEqualTo("CF-NotAuthorized");
        }

        @Test
        void namesAreUniqueIgnoringCase() {
            String name = Tck.unique("seg");
            createSegment(name);
            ApiResponse r = admin.post("/v3/isolation_segments", obj("name", name.toUpperCase()));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo("Isolation Segment names are case insensitive and must be unique");
            assertThat(countNamed(name.toUpperCase())).isZero();
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "{}|Name can't be blank, Name must be a string",
                "{\"name\": 5}|Name must be a string",
                "{\"name\": \"  \"}|Name can't be blank",
                "{\"name\": \"NAME\", \"bogus\": 1}|Unknown field(s): 'bogus'",
                "{\"name\": \"a\\tNAME\"}|Isolation Segment names can only contain non-blank unicode characters",
                "{\"name\": \"NAME\", \"metadata\": {\"labels\": {\"cloudfoundry.org/x\": \"y\"}}}|"})
        void refusesBadInputAndChangesNothing(String body, String detail) {
            String name = Tck.unique("bad");
            long before = admin.get("/v3/isolation_segments").body().path("pagination").path("total_results")
                    .asLong();
            ApiResponse r = admin.send("POST", "/v3/isolation_segments", body.replace("NAME", name),
                    "application/json");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
            if (detail != null) {
                assertThat(r.errorDetail()).isEqualTo(detail);
            }
            assertThat(admin.get("/v3/isolation_segments").body().path("pagination").path("total_results")
                    .asLong()).isEqualTo(before);
        }

        @Test
        void malformedJsonIsAParseError() {
            ApiResponse r = admin.send("POST", "/v3/isolation_segments", "{nope", "application/json");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorTitle()).isEqualTo("CF-MessageParseError");
        }
    }

    @Nested
    @DisplayName("GET /v3/isolation_segments/:guid")
    @Checks({"GET /v3/isolation_segments/:guid"})
    class Get {
        @Test
        void membersOfAnEntitledOrganizationSeeIt() {
            actors.check(Expect.byDefault(200).and(404, NO_ROLE),
                    cf -> cf.get("/v3/isolation_segments/" + entitled));
        }

        @Test
        void aSegmentEntitledToNoOrganizationIsForGlobalReadersOnly() {
            actors.check(Expect.byDefault(404).and(200, ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR),
                    cf -> cf.get("/v3/isolation_segments/" + unentitled));
            ApiResponse r = actors.as(ORG_MANAGER).get("/v3/isolation_segments/" + unentitled);
            assertThat(r.errorDetail()).isEqualTo("Isolation segment not found");
        }

        @Test
        void theSharedSegmentIsSeeded() {
            ApiResponse r = admin.get("/v3/isolation_segments/" + SHARED);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().path("name").asText()).isEqualTo("shared");
        }
    }

    @Nested
    @DisplayName("GET /v3/isolation_segments")
    @Checks({"GET /v3/isolation_segments", "GET /v3/isolation_segments/:guid", "PATCH /v3/isolation_segments/:guid"})
    class ListSegments {
        @Test
        void globalReadersSeeAllOthersThoseOfTheirOrganizations() {
            assertThat(admin.get("/v3/isolation_segments?guids=" + SHARED + "," + entitled + "," + unentitled)
                    .resourceValues("guid")).containsExactly(SHARED, entitled, unentitled);
            for (var role : actors.obtainable(ORG_AUDITOR, ORG_BILLING_MANAGER, SPACE_SUPPORTER)) {
                assertThat(actors.as(role).get("/v3/isolation_segments").resourceValues("guid")).as(role.name())
                        .contains(entitled).doesNotContain(unentitled, SHARED);
            }
            assertThat(actors.as(NO_ROLE).get("/v3/isolation_segments").body().path("resources")).isEmpty();
        }

        @Test
        void filtersByNamesOrganizationsAndLabels() {
            String name = admin.get("/v3/isolation_segments/" + entitled).body().path("name").asText();
            assertThat(admin.get("/v3/isolation_segments?names=" + name).resourceValues("guid"))
                    .containsExactly(entitled);
            assertThat(admin.get("/v3/isolation_segments?organization_guids=" + actors.orgGuid())
                    .resourceValues("guid")).contains(entitled).doesNotContain(unentitled, SHARED);
            String labelled = createSegment(Tck.unique("seg"));
            admin.patch("/v3/isolation_segments/" + labelled, obj("metadata", obj("labels", obj("tier", "gold"))));
            assertThat(admin.get("/v3/isolation_segments?label_selector=tier=gold").resourceValues("guid"))
                    .contains(labelled).doesNotContain(entitled);
            ApiResponse ordered = admin.get("/v3/isolation_segments?order_by=-name&per_page=1");
            assertThat(ordered.body().path("pagination").path("first").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/isolation_segments?order_by=-name&page=1&per_page=1");
        }

        @Test
        void badParametersAre400() {
            ApiResponse r = admin.get("/v3/isolation_segments?meow=1");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorTitle()).isEqualTo("CF-BadQueryParameter");
            assertThat(r.errorDetail()).contains("Unknown query parameter(s): 'meow'");
            assertThat(admin.get("/v3/isolation_segments?order_by=bogus").errorDetail())
                    .isEqualTo("The query parameter is invalid: Order by can only be: 'created_at', 'updated_at', "
                            + "'name'");
        }
    }

    @Nested
    @DisplayName("PATCH /v3/isolation_segments/:guid")
    @Checks({
            "GET /v3/isolation_segments/:guid",
            "PATCH /v3/isolation_segments/:guid",
            "PATCH /v3/organizations/:guid/relationships/default_isolation_segment"})
    class Update {
        @Test
        void adminsRenameAndLabel() {
            String guid = createSegment(Tck.unique("seg"));
            String name = Tck.unique("renamed");
            ApiResponse r = admin.patch("/v3/isolation_segments/" + guid, obj("name", name,
                    "metadata", obj("labels", obj("one", "two"))));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().path("name").asText()).isEqualTo(name);
            assertThat(r.body().path("metadata").path("labels").path("one").asText()).isEqualTo("two");
        }

        @Test
        void onlyAdminsMayUpdate() {
            actors.check(Expect.byDefault(403).and(200, ADMIN),
                    cf -> cf.patch("/v3/isolation_segments/" + unentitled, obj("metadata", obj())));
            assertThat(actors.as(SPACE_DEVELOPER).patch("/v3/isolation_segments/nope", obj()).status())
                    .isEqualTo(403);
            assertThat(admin.patch("/v3/isolation_segments/nope", obj()).status()).isEqualTo(404);
        }

        @Test
        void refusesTheSharedSegmentAndSegmentsInUse() {
            ApiResponse shared = admin.patch("/v3/isolation_segments/" + SHARED, obj("name", "other"));
            assertThat(shared.status()).isEqualTo(422);
            assertThat(shared.errorDetail()).isEqualTo("Cannot update the shared Isolation Segment");
            assertThat(admin.get("/v3/isolation_segments/" + SHARED).body().path("name").asText())
                    .isEqualTo("shared");

            String org = tck.createOrg().path("guid").asText();
            String guid = createSegment(Tck.unique("seg"));
            entitle(guid, org);
            admin.patch("/v3/organizations/" + org + "/relationships/default_isolation_segment",
                    obj("data", obj("guid", guid)));
            ApiResponse inUse = admin.patch("/v3/isolation_segments/" + guid, obj("name", "other"));
            assertThat(inUse.status()).isEqualTo(422);
            assertThat(inUse.errorDetail()).isEqualTo(
                    "Cannot update Isolation Segments that are assigned as the default for an Organization or Space.");
        }

        @Test
        void aNullOrEmptyNameIsRefusedByTheModel() {
            String guid = createSegment(Tck.unique("seg"));
            for (String body : List.of("{\"name\": null}", "{\"name\": \"\"}")) {
                ApiResponse r = admin.send("PATCH", "/v3/isolation_segments/" + guid, body, "application/json");
                assertThat(r.status()).isEqualTo(422);
                assertThat(r.errorDetail())
                        .isEqualTo("Isolation Segment names can only contain non-blank unicode characters");
            }
        }
    }

    @Nested
    @DisplayName("DELETE /v3/isolation_segments/:guid")
    @Checks({"DELETE /v3/isolation_segments/:guid", "GET /v3/isolation_segments/:guid"})
    class Delete {
        @Test
        void deletesSynchronously() {
            String guid = createSegment(Tck.unique("seg"));
            assertThat(actors.as(ORG_MANAGER).delete("/v3/isolation_segments/" + guid).status()).isEqualTo(403);
            ApiResponse r = admin.delete("/v3/isolation_segments/" + guid);
            assertThat(r.status()).isEqualTo(204);
            assertThat(admin.get("/v3/isolation_segments/" + guid).status()).isEqualTo(404);
        }

        @Test
        void refusesEntitledAndSharedSegments() {
            ApiResponse r = admin.delete("/v3/isolation_segments/" + entitled);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo("Revoke the Organization entitlements for your Isolation Segment.");
            ApiResponse shared = admin.delete("/v3/isolation_segments/" + SHARED);
            assertThat(shared.status()).isEqualTo(422);
            assertThat(shared.errorDetail()).isEqualTo("Cannot delete the shared Isolation Segment");
            assertThat(admin.get("/v3/isolation_segments/" + entitled).status()).isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("relationships/organizations")
    @Checks({
            "GET /v3/organizations/:guid/relationships/default_isolation_segment",
            "GET /v3/spaces",
            "PATCH /v3/spaces/:guid/relationships/isolation_segment",
            "GET /v3/isolation_segments/:guid/relationships/organizations",
            "DELETE /v3/isolation_segments/:guid/relationships/organizations/:org_guid"})
    class Organizations {
        @Test
        void globalReadersSeeEveryEntitledOrganizationOthersTheirOwn() {
            String other = tck.createOrg().path("guid").asText();
            String guid = createSegment(Tck.unique("seg"));
            entitle(guid, actors.orgGuid());
            entitle(guid, other);
            ApiResponse all = admin.get(orgsOf(guid));
            assertThat(dataGuids(all)).containsExactly(actors.orgGuid(), other);
            assertThat(all.body().path("links").path("self").path("href").asText())
                    .isEqualTo(tck.baseUrl() + orgsOf(guid));
            assertThat(all.body().path("links").path("related").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/isolation_segments/" + guid + "/organizations");
            assertThat(dataGuids(actors.as(SPACE_AUDITOR).get(orgsOf(guid)))).containsExactly(actors.orgGuid());
            assertThat(actors.as(NO_ROLE).get(orgsOf(guid)).status()).isEqualTo(404);
        }

        @Test
        void entitlingIsForAdminsAndIdempotent() {
            String guid = createSegment(Tck.unique("seg"));
            actors.check(Expect.byDefault(403).and(200, ADMIN),
                    cf -> cf.post(orgsOf(guid), obj("data", List.of(obj("guid", actors.orgGuid())))));
            assertThat(dataGuids(admin.get(orgsOf(guid)))).containsExactly(actors.orgGuid());
        }

        @Test
        void refusesUnknownOrganizationsAndEntitlesNone() {
            String guid = createSegment(Tck.unique("seg"));
            ApiResponse r = admin.post(orgsOf(guid), obj("data", List.of(obj("guid", actors.orgGuid()),
                    obj("guid", "bogus-guid"))));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo("Unable to entitle organizations ['bogus-guid'] for the isolation "
                    + "segment. Ensure the organizations exist.");
            assertThat(dataGuids(admin.get(orgsOf(guid)))).isEmpty();
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "{}|Data can't be blank, Data must be an array",
                "{\"data\": []}|Data can't be blank",
                "{\"data\": \"x\"}|Data must be an array",
                "{\"data\": [{\"guid\": 5}]}|Data 5 not a string",
                "{\"bork\": 1, \"data\": [{\"guid\": \"x\"}]}|Unknown field(s): 'bork'"})
        void refusesMalformedBodies(String body, String detail) {
            ApiResponse r = admin.send("POST", orgsOf(entitled), body, "application/json");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo(detail);
        }

        @Test
        void entitlingTheSharedSegmentMakesItTheDefaultOfOrganizationsWithout() {
            String org = tck.createOrg().path("guid").asText();
            entitle(SHARED, org);
            assertThat(admin.get("/v3/organizations/" + org + "/relationships/default_isolation_segment").body()
                    .path("data").path("guid").asText()).isEqualTo(SHARED);
        }

        @Test
        void revokingIsRefusedForTheDefaultAndForSegmentsSpacesUse() {
            String org = tck.createOrg().path("guid").asText();
            String space = tck.createSpace(org).path("name").asText();
            String spaceGuid = admin.get("/v3/spaces?names=" + space).resourceValues("guid").get(0);
            String guid = createSegment(Tck.unique("seg"));
            entitle(guid, org);
            String defaultPath = "/v3/organizations/" + org + "/relationships/default_isolation_segment";
            admin.patch(defaultPath, obj("data", obj("guid", guid)));
            ApiResponse asDefault = admin.delete(orgsOf(guid) + "/" + org);
            assertThat(asDefault.status()).isEqualTo(422);
            assertThat(asDefault.errorDetail()).isEqualTo("Cannot remove the entitlement while this Isolation "
                    + "Segment is assigned as the Default Isolation Segment for the Organization.");
            admin.patch(defaultPath, obj("data", null));
            admin.patch("/v3/spaces/" + spaceGuid + "/relationships/isolation_segment", obj("data", obj("guid", guid)));
            ApiResponse used = admin.delete(orgsOf(guid) + "/" + org);
            assertThat(used.status()).isEqualTo(422);
            assertThat(used.errorDetail()).isEqualTo("Cannot remove the entitlement while this Isolation Segment "
                    + "is assigned to any Spaces. Currently assigned to: '" + space + "'");
            assertThat(dataGuids(admin.get(orgsOf(guid)))).containsExactly(org);
            admin.patch("/v3/spaces/" + spaceGuid + "/relationships/isolation_segment", obj("data", null));
            assertThat(actors.as(ORG_MANAGER).delete(orgsOf(guid) + "/" + org).status()).isEqualTo(403);
            assertThat(admin.delete(orgsOf(guid) + "/" + org).status()).isEqualTo(204);
            assertThat(dataGuids(admin.get(orgsOf(guid)))).isEmpty();
            ApiResponse unknownOrg = admin.delete(orgsOf(guid) + "/bogus");
            assertThat(unknownOrg.status()).isEqualTo(404);
            assertThat(unknownOrg.errorDetail()).isEqualTo("Org not found");
            assertThat(admin.delete(orgsOf("bogus") + "/" + org).errorDetail())
                    .isEqualTo("Isolation segment not found");
        }
    }

    @Nested
    @DisplayName("relationships/spaces")
    @Checks({"GET /v3/isolation_segments/:guid/relationships/spaces"})
    class Spaces {
        @Test
        void readersSeeTheSpacesTheyCanRead() {
            String guid = createSegment(Tck.unique("seg"));
            entitle(guid, actors.orgGuid());
            String space = "/v3/spaces/" + actors.spaceGuid() + "/relationships/isolation_segment";
            assertThat(admin.patch(space, obj("data", obj("guid", guid))).status()).isEqualTo(200);
            try {
                String path = "/v3/isolation_segments/" + guid + "/relationships/spaces";
                ApiResponse r = admin.get(path);
                assertThat(dataGuids(r)).containsExactly(actors.spaceGuid());
                assertThat(r.body().path("links").has("related")).isFalse();
                for (var role : actors.obtainable(ORG_MANAGER, SPACE_SUPPORTER, SPACE_AUDITOR)) {
                    assertThat(dataGuids(actors.as(role).get(path))).as(role.name())
                            .containsExactly(actors.spaceGuid());
                }
                assertThat(dataGuids(actors.as(ORG_AUDITOR).get(path))).isEmpty();
                assertThat(actors.as(NO_ROLE).get(path).status()).isEqualTo(404);
            } finally {
                admin.patch(space, obj("data", null));
            }
        }
    }

    @Nested
    @DisplayName("/v3/organizations/:guid/relationships/default_isolation_segment")
    @Checks({"PATCH /v3/organizations/:guid"})
    class OrganizationDefault {
        String path() {
            return "/v3/organizations/" + actors.orgGuid() + "/relationships/default_isolation_segment";
        }

        @Test
        void adminsAndOrgManagersSetItToAnEntitledSegment() {
            actors.check(Expect.byDefault(403).and(200, ADMIN, ORG_MANAGER).and(404, NO_ROLE),
                    cf -> cf.patch(path(), obj("data", obj("guid", entitled))));
            ApiResponse r = actors.as(ORG_USER).get(path());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().path("data").path("guid").asText()).isEqualTo(entitled);
            assertThat(r.body().path("links").path("self").path("href").asText()).isEqualTo(tck.baseUrl() + path());
            assertThat(r.body().path("links").path("related").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/isolation_segments/" + entitled);
            ApiResponse cleared = actors.as(ORG_MANAGER).patch(path(), obj("data", null));
            assertThat(cleared.status()).isEqualTo(200);
            assertThat(cleared.body().path("data").isNull()).isTrue();
            assertThat(cleared.body().path("links").has("related")).isFalse();
            assertThat(admin.get(path()).body().path("data").isNull()).isTrue();
            assertThat(actors.as(NO_ROLE).get(path()).status()).isEqualTo(404);
        }

        @Test
        void refusesSegmentsNotEntitledToTheOrganization() {
            for (String guid : List.of(unentitled, "bogus")) {
                ApiResponse r = admin.patch(path(), obj("data", obj("guid", guid)));
                assertThat(r.status()).isEqualTo(422);
                assertThat(r.errorDetail()).isEqualTo("Unable to assign isolation segment with guid '" + guid
                        + "'. Ensure it has been entitled to the organization.");
            }
            assertThat(admin.get(path()).body().path("data").isNull()).isTrue();
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "{\"data\": {}}|Data can't be blank, Data can only accept one key, Data can only accept key 'guid'",
                "{\"data\": {\"guid\": 5}}|Data 5 must be a string",
                "{\"data\": [\"x\"]}|Data must be an object",
                "{\"data\": {\"guid\": \"x\", \"name\": \"y\"}}|Data can only accept one key",
                "{\"bogus\": 1}|Unknown field(s): 'bogus'"})
        void theBodyIsCheckedFirst(String body, String detail) {
            ApiResponse r = actors.as(NO_ROLE).send("PATCH", path(), body, "application/json");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo(detail);
        }

        @Test
        void suspendedOrganizationsRefuseTheirManagers() {
            admin.patch("/v3/organizations/" + actors.orgGuid(), obj("suspended", true));
            try {
                ApiResponse r = actors.as(ORG_MANAGER).patch(path(), obj("data", obj("guid", entitled)));
                assertThat(r.status()).isEqualTo(403);
                assertThat(r.errorTitle()).isEqualTo("CF-OrgSuspended");
            } finally {
                admin.patch("/v3/organizations/" + actors.orgGuid(), obj("suspended", false));
            }
        }
    }

    @Nested
    @DisplayName("/v3/spaces/:guid/relationships/isolation_segment")
    @Checks({"GET /v3/audit_events", "GET /v3/spaces/:guid/relationships/isolation_segment"})
    class SpaceSegment {
        String path() {
            return "/v3/spaces/" + actors.spaceGuid() + "/relationships/isolation_segment";
        }

        @Test
        void adminsAndOrgManagersPlaceTheSpace() {
            actors.check(Expect.byDefault(403).and(200, ADMIN, ORG_MANAGER)
                            .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.patch(path(), obj("data", obj("guid", entitled))));
            ApiResponse r = actors.as(SPACE_DEVELOPER).get(path());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().path("data").path("guid").asText()).isEqualTo(entitled);
            assertThat(r.body().path("links").path("related").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/isolation_segments/" + entitled);
            assertThat(actors.as(ORG_AUDITOR).get(path()).status()).isEqualTo(404);
            ApiResponse events = admin.get("/v3/audit_events?types=audit.space.update&target_guids="
                    + actors.spaceGuid());
            assertThat(events.body().path("resources").findValuesAsText("type")).contains("audit.space.update");
            assertThat(events.body().path("resources").get(events.body().path("resources").size() - 1)
                    .path("data").path("request").path("data").path("guid").asText()).isEqualTo(entitled);
            ApiResponse unassigned = admin.patch(path(), obj());
            assertThat(unassigned.status()).isEqualTo(200);
            assertThat(unassigned.body().path("data").isNull()).isTrue();
            assertThat(admin.get(path()).body().path("data").isNull()).isTrue();
        }

        @Test
        void refusesSegmentsNotEntitledToTheOrganization() {
            ApiResponse r = admin.patch(path(), obj("data", obj("guid", unentitled)));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo("Unable to assign isolation segment with guid '" + unentitled
                    + "'. Ensure it has been entitled to the organization that this space belongs to.");
            assertThat(admin.get(path()).body().path("data").isNull()).isTrue();
            assertThat(admin.get("/v3/spaces/bogus/relationships/isolation_segment").errorDetail())
                    .isEqualTo("Space not found");
        }
    }
}
