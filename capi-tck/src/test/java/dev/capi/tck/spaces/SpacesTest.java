package dev.capi.tck.spaces;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Role;
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

/**
 * Conformance of {@code /v3/spaces} and the space features. The shared {@link Actors} space is never suspended or
 * deleted; tests that suspend or delete work on fresh orgs and spaces.
 */
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

    private static JsonNode space(String guid) {
        return admin.get("/v3/spaces/" + guid).body();
    }

    private static void suspendOrg(String org) {
        assertThat(admin.patch("/v3/organizations/" + org, obj("suspended", true)).status()).isEqualTo(200);
    }

    private static void suspendSpace(String guid) {
        assertThat(admin.patch("/v3/spaces/" + guid, obj("suspended", true)).status()).isEqualTo(200);
    }

    private static JsonNode auditEvents(String type, String target) {
        ApiResponse r = admin.get("/v3/audit_events?types=" + type + "&target_guids=" + target);
        assertThat(r.status()).isEqualTo(200);
        return r.body().path("resources");
    }

    private static void assertError(ApiResponse r, int status, String title, String detail) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.errorTitle()).isEqualTo(title);
        if (detail != null) {
            assertThat(r.errorDetail()).isEqualTo(detail);
        }
    }

    private static Object create(String name, String org) {
        return obj("name", name, "relationships", obj("organization", rel(org)));
    }

    @Nested
    @DisplayName("POST /v3/spaces")
    @Checks({
            "DELETE /v3/spaces/:guid",
            "GET /v3/spaces",
            "GET /v3/spaces/:guid",
            "PATCH /v3/spaces/:guid",
            "POST /v3/spaces"})
    class Create {
        @Test
        void createsASpaceWithTheReferenceShapeAndRecordsAnAuditEvent() {
            String name = Tck.unique("space");
            ApiResponse r = admin.post("/v3/spaces", obj("name", name,
                    "relationships", obj("organization", rel(actors.orgGuid())),
                    "metadata", obj("labels", obj("tier", "gold"), "annotations", obj("note", "hi"))));
            assertThat(r.status()).isEqualTo(201);
            JsonNode s = r.body();
            String guid = s.path("guid").asText();
            String self = tck.baseUrl() + "/v3/spaces/" + guid;
            assertThat(guid).hasSize(36);
            assertThat(s.path("name").asText()).isEqualTo(name);
            assertThat(s.path("suspended").asBoolean()).isFalse();
            assertThat(s.path("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            assertThat(s.path("relationships").path("organization").path("data").path("guid").asText())
                    .isEqualTo(actors.orgGuid());
            assertThat(s.path("relationships").path("quota").path("data").isNull()).isTrue();
            assertThat(s.path("metadata").path("labels").path("tier").asText()).isEqualTo("gold");
            assertThat(s.path("metadata").path("annotations").path("note").asText()).isEqualTo("hi");
            JsonNode links = s.path("links");
            assertThat(links.path("self").path("href").asText()).isEqualTo(self);
            assertThat(links.path("organization").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/organizations/" + actors.orgGuid());
            assertThat(links.path("features").path("href").asText()).isEqualTo(self + "/features");
            assertThat(links.path("apply_manifest").path("href").asText())
                    .isEqualTo(self + "/actions/apply_manifest");
            assertThat(links.path("apply_manifest").path("method").asText()).isEqualTo("POST");
            assertThat(links.has("quota")).isFalse();
            JsonNode events = auditEvents("audit.space.create", guid);
            assertThat(events).hasSize(1);
            assertThat(events.path(0).path("space").path("guid").asText()).isEqualTo(guid);
            assertThat(events.path(0).path("organization").path("guid").asText()).isEqualTo(actors.orgGuid());
            assertThat(events.path(0).path("data").path("request").path("name").asText()).isEqualTo(name);
        }

        @Test
        void aSpaceMayBeCreatedSuspended() {
            ApiResponse r = actors.as(ORG_MANAGER).post("/v3/spaces", obj("name", Tck.unique("space"),
                    "suspended", true, "relationships", obj("organization", rel(actors.orgGuid()))));
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.body().path("suspended").asBoolean()).isTrue();
        }

        @Test
        void orgManagersAndAdminsMayCreate() {
            long before = spacesInOrg(actors.orgGuid());
            actors.check(Expect.byDefault(403).and(201, ADMIN, ORG_MANAGER).and(422, NO_ROLE),
                    cf -> cf.post("/v3/spaces", create(Tck.unique("space"), actors.orgGuid())));
            assertThat(spacesInOrg(actors.orgGuid())).isEqualTo(before + 2);
        }

        @Test
        void anInvisibleOrganizationIsUnprocessable() {
            ApiResponse r = actors.as(NO_ROLE).post("/v3/spaces", create("x", actors.orgGuid()));
            assertError(r, 422, "CF-UnprocessableEntity",
                    "Invalid organization. Ensure the organization exists and you have access to it.");
            assertError(admin.post("/v3/spaces", create("x", "00000000-0000-0000-0000-000000000000")), 422,
                    "CF-UnprocessableEntity",
                    "Invalid organization. Ensure the organization exists and you have access to it.");
        }

        @Test
        void aSuspendedOrganizationRefusesEveryoneButAdmins() {
            Actors fresh = tck.actors();
            suspendOrg(fresh.orgGuid());
            long before = spacesInOrg(fresh.orgGuid());
            fresh.check(Expect.byDefault(403).and(201, ADMIN).and(422, NO_ROLE),
                    cf -> cf.post("/v3/spaces", create(Tck.unique("space"), fresh.orgGuid())));
            assertError(fresh.as(ORG_MANAGER).post("/v3/spaces", create("x", fresh.orgGuid())), 403,
                    "CF-OrgSuspended", "The organization is suspended");
            assertThat(spacesInOrg(fresh.orgGuid())).isEqualTo(before + 1);
        }

        @Test
        void duplicateNamesInOneOrganizationAreRefusedWhateverTheirCase() {
            String name = Tck.unique("space");
            assertThat(admin.post("/v3/spaces", create(name, actors.orgGuid())).status()).isEqualTo(201);
            long before = spacesInOrg(actors.orgGuid());
            for (String again : new String[]{name, name.toUpperCase()}) {
                assertError(admin.post("/v3/spaces", create(again, actors.orgGuid())), 422,
                        "CF-UnprocessableEntity", "Name must be unique per organization");
            }
            assertThat(spacesInOrg(actors.orgGuid())).isEqualTo(before);
            String otherOrg = tck.createOrg().path("guid").asText();
            assertThat(admin.post("/v3/spaces", create(name, otherOrg)).status()).isEqualTo(201);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
                "{\"name\": \"x\"}|422|",
                "{\"relationships\": {\"organization\": {\"data\": {\"guid\": \"ORG\"}}}}|422|Name can't be blank",
                "{\"name\": 5, \"relationships\": {\"organization\": {\"data\": {\"guid\": \"ORG\"}}}}|422|Name must be a string",
                "{\"name\": \"a\\nb\", \"relationships\": {\"organization\": {\"data\": {\"guid\": \"ORG\"}}}}|422|Name must not contain escaped characters",
                "{\"name\": \"x\", \"suspended\": \"yes\", \"relationships\": {\"organization\": {\"data\": {\"guid\": \"ORG\"}}}}|422|Suspended must be a boolean",
                "{\"name\": \"x\", \"relationships\": {\"organization\": {\"data\": {\"guid\": \"nope\"}}}}|422|Invalid organization. Ensure the organization exists and you have access to it.",
                "{\"name\": \"x\", \"relationships\": {\"organization\": 5}}|422|",
                "{\"name\": \"x\", \"extra\": 1, \"relationships\": {\"organization\": {\"data\": {\"guid\": \"ORG\"}}}}|422|Unknown field(s): 'extra'",
                "{\"name\": \"x\", \"metadata\": {\"labels\": {\"cloudfoundry.org/x\": \"y\"}}, \"relationships\": {\"organization\": {\"data\": {\"guid\": \"ORG\"}}}}|422|",
                "{bad json|400|"})
        void refusesBadInputAndCreatesNothing(String body, int status, String detail) {
            long before = spacesInOrg(actors.orgGuid());
            ApiResponse r = admin.send("POST", "/v3/spaces", body.replace("ORG", actors.orgGuid()),
                    "application/json");
            assertError(r, status, status == 400 ? "CF-MessageParseError" : "CF-UnprocessableEntity", detail);
            assertThat(spacesInOrg(actors.orgGuid())).isEqualTo(before);
        }
    }

    @Nested
    @DisplayName("GET /v3/spaces/:guid")
    @Checks({"GET /v3/spaces/:guid"})
    class Get {
        @Test
        void spaceReadersOrgManagersAndGlobalReadersSeeIt() {
            actors.check(Expect.byDefault(200).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.get(path()));
        }

        @Test
        void invisibleAndUnknownSpacesAreNotFound() {
            assertError(actors.as(ORG_AUDITOR).get(path()), 404, "CF-ResourceNotFound", "Space not found");
            assertError(admin.get("/v3/spaces/does-not-exist"), 404, "CF-ResourceNotFound", "Space not found");
        }

        @Test
        void includesItsOrganizationUnderEitherName() {
            for (String include : new String[]{"organization", "org"}) {
                ApiResponse r = actors.as(SPACE_DEVELOPER).get(path() + "?include=" + include);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body().path("guid").asText()).isEqualTo(actors.spaceGuid());
                assertThat(r.body().path("included").path("organizations").path(0).path("guid").asText())
                        .isEqualTo(actors.orgGuid());
            }
            assertThat(admin.get(path()).body().has("included")).isFalse();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
                "include=bogus|Invalid included resource: 'bogus'. Valid included resources are: 'org', 'organization'",
                "bogus=1|Unknown query parameter(s): 'bogus'"})
        void refusesBadQueryParameters(String query, String detail) {
            ApiResponse r = admin.get(path() + "?" + query);
            assertError(r, 400, "CF-BadQueryParameter", null);
            assertThat(r.errorDetail()).startsWith("The query parameter is invalid: " + detail);
        }
    }

    @Nested
    @DisplayName("GET /v3/spaces")
    @Checks({"GET /v3/spaces", "POST /v3/spaces"})
    class List {
        @Test
        void eachRoleListsTheSpacesItCanRead() {
            String query = "/v3/spaces?guids=" + actors.spaceGuid();
            for (Role role : actors.obtainable(Role.values())) {
                Cf cf = actors.as(role);
                if (cf == null) {
                    continue;
                }
                ApiResponse r = cf.get(query);
                assertThat(r.status()).as(role.name()).isEqualTo(200);
                boolean sees = !java.util.List.of(ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE).contains(role);
                assertThat(r.resourceValues("guid")).as(role.name())
                        .isEqualTo(sees ? java.util.List.of(actors.spaceGuid()) : java.util.List.of());
            }
        }

        @Test
        void includesEachOrganizationOnce() {
            ApiResponse r = actors.as(SPACE_AUDITOR).get("/v3/spaces?include=organization");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.resourceValues("guid")).containsExactly(actors.spaceGuid());
            assertThat(r.body().path("included").path("organizations")).extracting(o -> o.path("guid").asText())
                    .containsExactly(actors.orgGuid());
            String org = tck.createOrg().path("guid").asText();
            tck.createSpace(org);
            tck.createSpace(org);
            ApiResponse both = admin.get("/v3/spaces?include=org&organization_guids=" + org);
            assertThat(both.resourceValues("guid")).hasSize(2);
            assertThat(both.body().path("included").path("organizations")).hasSize(1);
            assertThat(admin.get("/v3/spaces?organization_guids=" + org).body().has("included")).isFalse();
        }

        @Test
        void filtersByNamesOrganizationsGuidsAndLabelsAndOrdersByName() {
            String org = tck.createOrg().path("guid").asText();
            String prefix = Tck.unique("ls");
            for (String n : new String[]{"b", "a", "c"}) {
                admin.post("/v3/spaces", obj("name", prefix + "-" + n, "relationships", obj("organization", rel(org)),
                        "metadata", obj("labels", obj("pick", n.equals("c") ? "no" : "yes"))));
            }
            String base = "/v3/spaces?organization_guids=" + org;
            assertThat(admin.get(base + "&order_by=name").resourceValues("name"))
                    .containsExactly(prefix + "-a", prefix + "-b", prefix + "-c");
            assertThat(admin.get(base + "&order_by=-name&per_page=2").resourceValues("name"))
                    .containsExactly(prefix + "-c", prefix + "-b");
            assertThat(admin.get(base).resourceValues("name"))
                    .containsExactly(prefix + "-b", prefix + "-a", prefix + "-c");
            assertThat(admin.get("/v3/spaces?names=" + prefix + "-a," + prefix + "-c").resourceValues("name"))
                    .containsExactly(prefix + "-a", prefix + "-c");
            assertThat(admin.get(base + "&label_selector=pick=yes").resourceValues("name"))
                    .containsExactly(prefix + "-b", prefix + "-a");
            String guid = admin.get(base + "&names=" + prefix + "-c").resourceValues("guid").get(0);
            assertThat(admin.get("/v3/spaces?guids=" + guid).resourceValues("name")).containsExactly(prefix + "-c");
            assertThat(admin.get(base + "&created_ats%5Blt%5D=2000-01-01T00:00:00Z").resourceValues("guid")).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
                "bogus=1|Unknown query parameter(s): 'bogus'",
                "order_by=bogus|Order by can only be: 'created_at', 'updated_at', 'name'",
                "include=space|Invalid included resource: 'space'. Valid included resources are: 'org', 'organization'",
                "per_page=0|Per page must be a positive integer"})
        void refusesBadQueryParameters(String query, String detail) {
            ApiResponse r = admin.get("/v3/spaces?" + query);
            assertError(r, 400, "CF-BadQueryParameter", null);
            assertThat(r.errorDetail()).startsWith("The query parameter is invalid: " + detail);
        }
    }

    @Nested
    @DisplayName("PATCH /v3/spaces/:guid")
    @Checks({"PATCH /v3/spaces/:guid"})
    class Update {
        @Test
        void spaceManagersOrgManagersAndAdminsMayUpdate() {
            actors.check(Expect.byDefault(403).and(200, ADMIN, ORG_MANAGER, SPACE_MANAGER)
                            .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.patch(path(), obj("metadata", obj("labels", obj("k", "v")))));
        }

        @Test
        void renamesMergesMetadataAndRecordsAnAuditEvent() {
            String guid = tck.createSpace(actors.orgGuid()).path("guid").asText();
            admin.patch("/v3/spaces/" + guid, obj("metadata", obj("labels", obj("a", "1", "b", "2"))));
            String name = Tck.unique("renamed");
            ApiResponse r = actors.as(ORG_MANAGER).patch("/v3/spaces/" + guid,
                    obj("name", name, "metadata", obj("labels", obj("a", null, "c", "3"))));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().path("name").asText()).isEqualTo(name);
            JsonNode labels = r.body().path("metadata").path("labels");
            assertThat(labels.has("a")).isFalse();
            assertThat(labels.path("b").asText()).isEqualTo("2");
            assertThat(labels.path("c").asText()).isEqualTo("3");
            assertThat(space(guid).path("name").asText()).isEqualTo(name);
            JsonNode events = auditEvents("audit.space.update", guid);
            assertThat(events).hasSize(2);
            assertThat(events.path(1).path("data").path("request").path("name").asText()).isEqualTo(name);
        }

        @Test
        void renamingOntoATakenNameNamesTheOrganizationAndChangesNothing() {
            JsonNode org = tck.createOrg();
            String orgGuid = org.path("guid").asText();
            String taken = tck.createSpace(orgGuid).path("name").asText();
            String guid = tck.createSpace(orgGuid).path("guid").asText();
            String before = space(guid).path("name").asText();
            assertError(admin.patch("/v3/spaces/" + guid, obj("name", taken)), 422, "CF-UnprocessableEntity",
                    "Organization '" + org.path("name").asText() + "' already contains a space with name '"
                            + taken + "'.");
            assertThat(space(guid).path("name").asText()).isEqualTo(before);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
                "{\"name\": 5}|Name must be a string",
                "{\"name\": \"\"}|",
                "{\"suspended\": \"yes\"}|Suspended must be a boolean",
                "{\"relationships\": {}}|Unknown field(s): 'relationships'",
                "{\"metadata\": {\"labels\": {\"-bad\": \"x\"}}}|"})
        void refusesBadInputAndChangesNothing(String body, String detail) {
            JsonNode before = space(actors.spaceGuid());
            ApiResponse r = admin.send("PATCH", path(), body, "application/json");
            assertError(r, 422, "CF-UnprocessableEntity", detail);
            JsonNode after = space(actors.spaceGuid());
            assertThat(after.path("name")).isEqualTo(before.path("name"));
            assertThat(after.path("metadata")).isEqualTo(before.path("metadata"));
        }

        @Test
        void onlyAdminsAndOrgManagersChangeSuspended() {
            Actors fresh = tck.actors();
            String guid = fresh.spaceGuid();
            fresh.check(Expect.byDefault(403).and(200, ADMIN, ORG_MANAGER)
                            .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.patch("/v3/spaces/" + guid, obj("suspended", true)));
            assertThat(space(guid).path("suspended").asBoolean()).isTrue();
            assertError(fresh.as(SPACE_MANAGER).patch("/v3/spaces/" + guid, obj("suspended", false)), 403,
                    "CF-SpaceSuspended", "The space is suspended");
            assertThat(space(guid).path("suspended").asBoolean()).isTrue();
            ApiResponse resumed = fresh.as(ORG_MANAGER).patch("/v3/spaces/" + guid, obj("suspended", false));
            assertThat(resumed.status()).isEqualTo(200);
            assertThat(resumed.body().path("suspended").asBoolean()).isFalse();
        }

        @Test
        void aSuspendedSpaceRefusesItsManagersButNotOrgManagers() {
            Actors fresh = tck.actors();
            String guid = fresh.spaceGuid();
            suspendSpace(guid);
            fresh.check(Expect.byDefault(403).and(200, ADMIN, ORG_MANAGER)
                            .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.patch("/v3/spaces/" + guid, obj("metadata", obj("labels", obj("k", "v")))));
            assertError(fresh.as(SPACE_MANAGER).patch("/v3/spaces/" + guid, obj("name", "x")), 403,
                    "CF-SpaceSuspended", "The space is suspended");
            assertThat(space(guid).path("name").asText()).isNotEqualTo("x");
        }

        @Test
        void aSuspendedOrganizationRefusesEveryoneButAdmins() {
            Actors fresh = tck.actors();
            String guid = fresh.spaceGuid();
            suspendOrg(fresh.orgGuid());
            fresh.check(Expect.byDefault(403).and(200, ADMIN)
                            .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.patch("/v3/spaces/" + guid, obj("metadata", obj("labels", obj("k", "v")))));
            for (Role role : actors.obtainable(ORG_MANAGER, SPACE_MANAGER)) {
                assertError(fresh.as(role).patch("/v3/spaces/" + guid, obj("name", "x")), 403, "CF-OrgSuspended",
                        "The organization is suspended");
            }
            assertThat(space(guid).path("name").asText()).isNotEqualTo("x");
        }

        @Test
        void unknownSpacesAreNotFound() {
            assertError(admin.patch("/v3/spaces/does-not-exist", obj("name", "x")), 404, "CF-ResourceNotFound",
                    "Space not found");
        }
    }

    @Nested
    @DisplayName("space features")
    @Checks({
            "GET /v3/spaces/:guid/features",
            "GET /v3/spaces/:guid/features/:name",
            "PATCH /v3/spaces/:guid/features/:name"})
    class Features {
        @Test
        void readersListAndReadTheSshFeature() {
            actors.check(Expect.byDefault(200).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.get(path() + "/features"));
            actors.check(Expect.byDefault(200).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.get(path() + "/features/ssh"));
            JsonNode list = admin.get(path() + "/features").body();
            assertThat(list.path("resources")).hasSize(1);
            JsonNode ssh = admin.get(path() + "/features/ssh").body();
            assertThat(list.path("resources").path(0)).isEqualTo(ssh);
            assertThat(ssh.path("name").asText()).isEqualTo("ssh");
            assertThat(ssh.path("description").asText()).isEqualTo("Enable SSHing into apps in the space.");
            assertThat(ssh.path("enabled").isBoolean()).isTrue();
        }

        @Test
        void spaceManagersOrgManagersAndAdminsToggleSsh() {
            actors.check(Expect.byDefault(403).and(200, ADMIN, ORG_MANAGER, SPACE_MANAGER)
                            .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.patch(path() + "/features/ssh", obj("enabled", true)));
            String guid = tck.createSpace(actors.orgGuid()).path("guid").asText();
            ApiResponse off = actors.as(ORG_MANAGER).patch("/v3/spaces/" + guid + "/features/ssh",
                    obj("enabled", false));
            assertThat(off.status()).isEqualTo(200);
            assertThat(off.body().path("enabled").asBoolean()).isFalse();
            assertThat(admin.get("/v3/spaces/" + guid + "/features/ssh").body().path("enabled").asBoolean())
                    .isFalse();
            assertThat(actors.as(SPACE_DEVELOPER).patch(path() + "/features/ssh", obj("enabled", false)).status())
                    .isEqualTo(403);
            assertThat(admin.get(path() + "/features/ssh").body().path("enabled").asBoolean()).isTrue();
        }

        @Test
        void unknownFeaturesAndSpacesAreNotFound() {
            assertError(admin.get(path() + "/features/bogus"), 404, "CF-ResourceNotFound", "Feature not found");
            assertError(admin.patch(path() + "/features/bogus", obj("enabled", true)), 404, "CF-ResourceNotFound",
                    "Feature not found");
            assertError(admin.get("/v3/spaces/does-not-exist/features"), 404, "CF-ResourceNotFound",
                    "Space not found");
            assertError(actors.as(ORG_AUDITOR).get(path() + "/features/bogus"), 404, "CF-ResourceNotFound",
                    "Space not found");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
                "{}|Enabled must be a boolean",
                "{\"enabled\": \"no\"}|Enabled must be a boolean",
                "{\"enabled\": false, \"x\": 1}|Unknown field(s): 'x'"})
        void refusesBadBodiesAndChangesNothing(String body, String detail) {
            assertError(admin.send("PATCH", path() + "/features/ssh", body, "application/json"), 422,
                    "CF-UnprocessableEntity", detail);
            assertThat(admin.get(path() + "/features/ssh").body().path("enabled").asBoolean()).isTrue();
        }

        @Test
        void aSuspendedSpaceRefusesItsManagers() {
            Actors fresh = tck.actors();
            String feature = "/v3/spaces/" + fresh.spaceGuid() + "/features/ssh";
            suspendSpace(fresh.spaceGuid());
            assertError(fresh.as(SPACE_MANAGER).patch(feature, obj("enabled", false)), 403, "CF-SpaceSuspended",
                    "The space is suspended");
            assertThat(admin.get(feature).body().path("enabled").asBoolean()).isTrue();
            assertThat(fresh.as(ORG_MANAGER).patch(feature, obj("enabled", false)).status()).isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("DELETE /v3/spaces/:guid")
    @Checks({"DELETE /v3/spaces/:guid", "GET /v3/roles", "GET /v3/spaces/:guid"})
    class Delete {
        @Test
        void deletesTheSpaceAndItsRolesAsynchronously() {
            String guid = tck.createSpace(actors.orgGuid()).path("guid").asText();
            tck.grant(actors.as(ORG_USER), "space_developer", guid);
            assertThat(admin.get("/v3/roles?space_guids=" + guid).resourceValues("guid")).hasSize(1);
            ApiResponse r = admin.delete("/v3/spaces/" + guid);
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.raw()).isNullOrEmpty();
            assertThat(r.header("Location")).startsWith(tck.baseUrl() + "/v3/jobs/");
            JsonNode job = admin.awaitJob(r);
            assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
            assertThat(job.path("operation").asText()).isEqualTo("space.delete");
            assertError(admin.get("/v3/spaces/" + guid), 404, "CF-ResourceNotFound", "Space not found");
            assertThat(admin.get("/v3/roles?space_guids=" + guid).resourceValues("guid")).isEmpty();
            JsonNode events = auditEvents("audit.space.delete-request", guid);
            assertThat(events).hasSize(1);
            assertThat(events.path(0).path("data").path("request").path("recursive").asBoolean()).isTrue();
        }

        @Test
        void onlyOrgManagersAndAdminsMayDelete() {
            actors.check(Expect.byDefault(403).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE)
                    .and(Expect.SKIP, ADMIN, ORG_MANAGER), cf -> cf.delete(path()));
            assertThat(space(actors.spaceGuid()).path("guid").asText()).isEqualTo(actors.spaceGuid());
            for (Role role : actors.obtainable(ADMIN, ORG_MANAGER)) {
                String fresh = tck.createSpace(actors.orgGuid()).path("guid").asText();
                assertThat(actors.as(role).delete("/v3/spaces/" + fresh).status()).as(role.name()).isEqualTo(202);
            }
        }

        @Test
        void aSuspendedOrganizationRefusesOrgManagersButNotAdmins() {
            Actors fresh = tck.actors();
            suspendOrg(fresh.orgGuid());
            assertError(fresh.as(ORG_MANAGER).delete("/v3/spaces/" + fresh.spaceGuid()), 403, "CF-OrgSuspended",
                    "The organization is suspended");
            assertThat(space(fresh.spaceGuid()).path("guid").asText()).isEqualTo(fresh.spaceGuid());
            ApiResponse r = admin.delete("/v3/spaces/" + fresh.spaceGuid());
            assertThat(r.status()).isEqualTo(202);
            assertThat(admin.awaitJob(r).path("state").asText()).isEqualTo("COMPLETE");
        }

        @Test
        void unknownSpacesAreNotFound() {
            assertError(admin.delete("/v3/spaces/does-not-exist"), 404, "CF-ResourceNotFound", "Space not found");
        }
    }
}
