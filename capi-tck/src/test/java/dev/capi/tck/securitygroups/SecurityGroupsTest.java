package dev.capi.tck.securitygroups;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Json;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/security_groups} and the spaces' running and staging security group lists. */
class SecurityGroupsTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;
    /** A space of another organization, which the actors cannot read. */
    static String otherSpace;
    /** Bound to the actors' space for staging and to the other space for running. */
    static String bound;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
        otherSpace = tck.createSpace(tck.createOrg().path("guid").asText()).path("guid").asText();
        bound = create(obj("name", Tck.unique("sg"), "relationships", obj(
                "staging_spaces", data(actors.spaceGuid()), "running_spaces", data(otherSpace, actors.spaceGuid()))));
    }

    static JsonNode data(String... guids) {
        return obj("data", java.util.Arrays.stream(guids).map(g -> obj("guid", g)).toList());
    }

    static String create(JsonNode body) {
        ApiResponse r = admin.post("/v3/security_groups", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().path("guid").asText();
    }

    static String plain() {
        return create(obj("name", Tck.unique("sg")));
    }

    /**
     * How many groups have this name: "nothing changed" is checked per name, because other tests' delete jobs may
     * still be removing their groups while a test runs.
     */
    static long named(String name) {
        return admin.get("/v3/security_groups?names=" + name).body().path("pagination").path("total_results")
                .asLong();
    }

    static List<String> dataGuids(JsonNode node) {
        return node.path("data").findValuesAsText("guid");
    }

    static String path(String guid) {
        return "/v3/security_groups/" + guid;
    }

    @Nested
    @DisplayName("POST /v3/security_groups")
    @Checks({"POST /v3/security_groups"})
    class Create {
        @Test
        void createsAGroupWithRulesAndSpaces() {
            String name = Tck.unique("sg");
            JsonNode rules = Json.parse("[{\"protocol\":\"tcp\",\"destination\":\"10.10.10.0/24\",\"ports\":\"443,80,"
                    + "8080\"},{\"protocol\":\"icmp\",\"destination\":\"10.10.10.0/24\",\"type\":8,\"code\":0,"
                    + "\"description\":\"Allow ping requests to private services\",\"log\":true}]");
            ApiResponse r = admin.post("/v3/security_groups", obj("name", name, "rules", rules,
                    "globally_enabled", obj("running", false), "relationships",
                    obj("running_spaces", data(actors.spaceGuid()))));
            assertThat(r.status()).isEqualTo(201);
            JsonNode g = r.body();
            assertThat(g.path("name").asText()).isEqualTo(name);
            assertThat(g.path("rules")).isEqualTo(rules);
            assertThat(g.path("globally_enabled")).isEqualTo(obj("running", false, "staging", false));
            assertThat(dataGuids(g.path("relationships").path("running_spaces"))).containsExactly(actors.spaceGuid());
            assertThat(g.path("relationships").path("staging_spaces").path("data")).isEmpty();
            assertThat(g.path("links").path("self").path("href").asText())
                    .isEqualTo(tck.baseUrl() + path(g.path("guid").asText()));
            assertThat(g.path("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        }

        @Test
        void onlyAdminsMayCreate() {
            actors.check(Expect.byDefault(403).and(201, ADMIN),
                    cf -> cf.post("/v3/security_groups", obj("name", Tck.unique("sg"))));
            assertThat(actors.as(ORG_MANAGER).post("/v3/security_groups", obj("bogus", 1)).status())
                    .as("refused before the body is read").isEqualTo(403);
        }

        @Test
        void namesAreUnique() {
            String name = Tck.unique("sg");
            create(obj("name", name));
            ApiResponse r = admin.post("/v3/security_groups", obj("name", name));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo("Security group with name '" + name + "' already exists.");
            assertThat(named(name)).isEqualTo(1);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "{}|Name can't be blank, Name must be a string",
                "{\"name\": \"NAME\", \"bogus\": 1}|Unknown field(s): 'bogus'",
                "{\"name\": 5}|Name must be a string",
                "{\"name\": \"NAME\", \"rules\": {}}|Rules must be an array",
                "{\"name\": \"NAME\", \"rules\": [{\"protocol\": \"blah\"}]}|Rules[0]: protocol must be 'tcp', 'udp', "
                        + "'icmp', 'icmpv6' or 'all', Rules[0]: destination must be a valid CIDR, IP address, or IP "
                        + "address range",
                "{\"name\": \"NAME\", \"rules\": [{\"protocol\": \"tcp\", \"destination\": \"1.2.3.4\", \"ports\": "
                        + "\"0\"}]}|Rules[0]: ports must be a valid single port, comma separated list of ports, or "
                        + "range or ports, formatted as a string",
                "{\"name\": \"NAME\", \"rules\": [{\"protocol\": \"udp\", \"destination\": \"\", \"ports\": \"1\"}]}"
                        + "|rules rule number 1 contains invalid destination",
                "{\"name\": \"NAME\", \"rules\": [{\"protocol\": \"all\", \"destination\": \"1.2.3.4\", \"type\": 1}]}"
                        + "|rules rule number 1 contains the invalid field 'type'",
                "{\"name\": \"NAME\", \"globally_enabled\": 1}|Globally enabled must be an object",
                "{\"name\": \"NAME\", \"globally_enabled\": {\"x\": true}}|Globally enabled only allows keys "
                        + "'running' or 'staging'",
                "{\"name\": \"NAME\", \"globally_enabled\": {\"running\": 1}}|Globally enabled values must be booleans",
                "{\"name\": \"NAME\", \"relationships\": 1}|Relationships 'relationships' is not an object",
                "{\"name\": \"NAME\", \"relationships\": {}}|Relationships 'relationships' must include one or more "
                        + "valid relationships",
                "{\"name\": \"NAME\", \"relationships\": {\"running_spaces\": [1]}}|Relationships Running spaces must "
                        + "be structured like this: \"running_spaces: {\"data\": [{\"guid\": \"valid-guid\"},"
                        + "{\"guid\": \"valid-guid\"}]}\"",
                "{\"name\": \"NAME\", \"relationships\": {\"staging_spaces\": {\"data\": [{\"guid\": 5}]}}}"
                        + "|Relationships Staging space guids must be a string, Relationships Staging space guids "
                        + "must be between 1 and 200 characters",
                "{\"name\": \"NAME\", \"relationships\": {\"staging_spaces\": {\"data\": [{\"guid\": \"nope\"}]}}}"
                        + "|Spaces with guids [\"nope\"] do not exist."})
        void refusesBadInputAndChangesNothing(String body, String detail) {
            String name = Tck.unique("bad");
            ApiResponse r = admin.send("POST", "/v3/security_groups", body.replace("NAME", name),
                    "application/json");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
            assertThat(r.errorDetail()).isEqualTo(detail);
            assertThat(named(name)).as("nothing created").isZero();
        }
    }

    @Nested
    @DisplayName("GET /v3/security_groups/:guid")
    @Checks({"DELETE /v3/security_groups/:guid", "GET /v3/security_groups/:guid", "PATCH /v3/security_groups/:guid"})
    class Get {
        @Test
        void readersOfABoundSpaceSeeIt() {
            actors.check(Expect.byDefault(200).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.get(path(bound)));
            assertThat(actors.as(NO_ROLE).get(path(bound)).errorDetail()).isEqualTo("Security group not found");
        }

        @Test
        void spacesTheReaderCannotSeeAreLeftOut() {
            JsonNode asAdmin = admin.get(path(bound)).body().path("relationships");
            assertThat(dataGuids(asAdmin.path("running_spaces"))).containsExactlyInAnyOrder(otherSpace, actors.spaceGuid());
            JsonNode asDeveloper = actors.as(SPACE_DEVELOPER).get(path(bound)).body().path("relationships");
            assertThat(dataGuids(asDeveloper.path("running_spaces"))).containsExactly(actors.spaceGuid());
            assertThat(dataGuids(asDeveloper.path("staging_spaces"))).containsExactly(actors.spaceGuid());
        }

        @Test
        void globallyEnabledGroupsAreSeenByEveryone() {
            String guid = plain();
            admin.patch(path(guid), obj("globally_enabled", obj("staging", true)));
            try {
                actors.check(Expect.byDefault(200), cf -> cf.get(path(guid)));
            } finally {
                admin.delete(path(guid));
            }
        }
    }

    @Nested
    @DisplayName("GET /v3/security_groups")
    @Checks({"GET /v3/security_groups", "GET /v3/security_groups/:guid"})
    class ListGroups {
        @Test
        void filtersBySpacesNamesAndFlags() {
            String name = admin.get(path(bound)).body().path("name").asText();
            assertThat(admin.get("/v3/security_groups?names=" + name).resourceValues("guid")).containsExactly(bound);
            assertThat(admin.get("/v3/security_groups?running_space_guids=" + otherSpace).resourceValues("guid"))
                    .containsExactly(bound);
            assertThat(admin.get("/v3/security_groups?staging_space_guids=" + otherSpace).resourceValues("guid"))
                    .isEmpty();
            assertThat(admin.get("/v3/security_groups?guids=" + bound + "&globally_enabled_running=false")
                    .resourceValues("guid")).containsExactly(bound);
            assertThat(admin.get("/v3/security_groups?guids=" + bound + "&globally_enabled_running=true")
                    .resourceValues("guid")).isEmpty();
        }

        @Test
        void readersSeeGroupsOfTheirSpaces() {
            String hidden = create(obj("name", Tck.unique("sg"), "relationships",
                    obj("running_spaces", data(otherSpace))));
            assertThat(actors.as(SPACE_AUDITOR).get("/v3/security_groups").resourceValues("guid")).contains(bound)
                    .doesNotContain(hidden);
            assertThat(actors.as(ORG_MANAGER).get("/v3/security_groups").resourceValues("guid")).contains(bound);
            assertThat(actors.as(ORG_AUDITOR).get("/v3/security_groups").resourceValues("guid"))
                    .doesNotContain(bound, hidden);
            assertThat(admin.get("/v3/security_groups").resourceValues("guid")).contains(bound, hidden);
        }

        @Test
        void badParametersAre422() {
            ApiResponse r = admin.get("/v3/security_groups?globally_enabled_running=yes");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
            assertThat(r.errorDetail()).isEqualTo("Globally enabled running must be 'true' or 'false'");
            ApiResponse unknown = admin.get("/v3/security_groups?bogus=1");
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.errorDetail()).startsWith("Unknown query parameter(s): 'bogus'");
            assertThat(admin.get("/v3/security_groups?order_by=name").status()).isEqualTo(422);
        }
    }

    @Nested
    @DisplayName("PATCH /v3/security_groups/:guid")
    @Checks({"GET /v3/security_groups/:guid", "PATCH /v3/security_groups/:guid"})
    class Update {
        @Test
        void adminsReplaceRulesAndFlags() {
            String guid = plain();
            JsonNode rules = Json.parse("[{\"protocol\":\"all\",\"destination\":\"0.0.0.0-9.9.9.9\"}]");
            ApiResponse r = admin.patch(path(guid), obj("rules", rules, "globally_enabled", obj("staging", true)));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().path("rules")).isEqualTo(rules);
            assertThat(r.body().path("globally_enabled")).isEqualTo(obj("running", false, "staging", true));
            ApiResponse again = admin.patch(path(guid), obj("globally_enabled", obj("staging", false)));
            assertThat(again.body().path("rules")).isEqualTo(rules);
            assertThat(again.body().path("globally_enabled").path("staging").asBoolean()).isFalse();
        }

        @Test
        void visibleButNotAdminIs403() {
            actors.check(Expect.byDefault(403).and(200, ADMIN)
                            .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.patch(path(bound), obj()));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "{\"name\": \"\"}|Name is too short (minimum is 1 character)",
                "{\"name\": null}|Name must be a string, Name is too short (minimum is 1 character)",
                "{\"rules\": null}|Rules must be an array",
                "{\"bogus\": 1, \"globally_enabled\": 5}|Unknown field(s): 'bogus', Globally enabled must be an object"})
        void refusesBadInputAndChangesNothing(String body, String detail) {
            String before = admin.get(path(bound)).raw();
            ApiResponse r = admin.send("PATCH", path(bound), body, "application/json");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo(detail);
            assertThat(admin.get(path(bound)).raw()).isEqualTo(before);
        }
    }

    @Nested
    @DisplayName("DELETE /v3/security_groups/:guid")
    @Checks({"DELETE /v3/security_groups/:guid", "GET /v3/security_groups", "GET /v3/security_groups/:guid"})
    class Delete {
        @Test
        void deletesAsynchronously() {
            String guid = create(obj("name", Tck.unique("sg"), "relationships",
                    obj("running_spaces", data(actors.spaceGuid()))));
            assertThat(actors.as(SPACE_MANAGER).delete(path(guid)).status()).isEqualTo(403);
            ApiResponse r = admin.delete(path(guid));
            assertThat(r.status()).isEqualTo(202);
            JsonNode job = admin.awaitJob(r);
            assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
            assertThat(job.path("operation").asText()).isEqualTo("security_group.delete");
            assertThat(admin.get(path(guid)).status()).isEqualTo(404);
            assertThat(admin.get("/v3/security_groups?running_space_guids=" + actors.spaceGuid())
                    .resourceValues("guid")).doesNotContain(guid);
        }
    }

    @Nested
    @DisplayName("POST/DELETE /v3/security_groups/:guid/relationships/running_spaces|staging_spaces")
    @Checks({
            "GET /v3/security_groups/:guid",
            "PATCH /v3/organizations/:guid",
            "POST /v3/security_groups/:guid/relationships/running_spaces",
            "POST /v3/security_groups/:guid/relationships/staging_spaces",
            "DELETE /v3/security_groups/:guid/relationships/running_spaces/:space_guid",
            "DELETE /v3/security_groups/:guid/relationships/staging_spaces/:space_guid"})
    class Binding {
        @Test
        void adminsAndManagersBindTheirSpaces() {
            for (String kind : List.of("running_spaces", "staging_spaces")) {
                actors.check(Expect.byDefault(403).and(200, ADMIN, ORG_MANAGER, SPACE_MANAGER)
                                .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                        cf -> cf.post(path(bound) + "/relationships/" + kind, data(actors.spaceGuid())));
            }
            ApiResponse r = admin.post(path(bound) + "/relationships/running_spaces", data(actors.spaceGuid()));
            assertThat(dataGuids(r.body())).containsExactlyInAnyOrder(otherSpace, actors.spaceGuid());
            assertThat(r.body().path("links").path("self").path("href").asText())
                    .isEqualTo(tck.baseUrl() + path(bound) + "/relationships/running_spaces");
            assertThat(r.body().path("links").has("related")).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"running_spaces", "staging_spaces"})
        void bindsAndUnbinds(String kind) {
            String guid = plain();
            String staging = path(guid) + "/relationships/" + kind;
            ApiResponse r = actors.as(SPACE_MANAGER).post(staging, data(actors.spaceGuid()));
            assertThat(r.status()).as("a space manager cannot see an unbound group").isEqualTo(404);
            assertThat(dataGuids(admin.post(staging, data(actors.spaceGuid())).body()))
                    .containsExactly(actors.spaceGuid());
            assertThat(actors.as(SPACE_DEVELOPER).delete(staging + "/" + actors.spaceGuid()).status())
                    .isEqualTo(403);
            assertThat(actors.as(SPACE_MANAGER).delete(staging + "/" + actors.spaceGuid()).status()).isEqualTo(204);
            assertThat(admin.get(path(guid)).body().path("relationships").path("staging_spaces").path("data"))
                    .isEmpty();
            ApiResponse notBound = admin.delete(staging + "/" + actors.spaceGuid());
            assertThat(notBound.status()).isEqualTo(422);
            assertThat(notBound.errorDetail()).isEqualTo("Unable to unbind security group from space with guid '"
                    + actors.spaceGuid() + "'. Ensure the space is bound to this security group.");
            assertThat(admin.delete(staging + "/nope").status()).isEqualTo(422);
        }

        @Test
        void refusesSpacesTheCallerCannotSee() {
            ApiResponse unknown = admin.post(path(bound) + "/relationships/running_spaces", data("nope"));
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.errorDetail())
                    .isEqualTo("Spaces with guids [\"nope\"] do not exist, or you do not have access to them.");
            ApiResponse foreign = actors.as(ORG_MANAGER).post(path(bound) + "/relationships/staging_spaces",
                    data(otherSpace));
            assertThat(foreign.status()).isEqualTo(403);
            assertThat(dataGuids(admin.get(path(bound)).body().path("relationships").path("staging_spaces")))
                    .containsExactly(actors.spaceGuid());
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "{}|Data can't be blank, Data must be an array",
                "{\"data\": []}|Data can't be blank",
                "{\"data\": [{\"guid\": 1}]}|Invalid data type: Data[0] guid should be a string.",
                "{\"bogus\": 1, \"data\": [{\"guid\": \"x\"}]}|Unknown field(s): 'bogus'"})
        void refusesMalformedBodies(String body, String detail) {
            ApiResponse r = admin.send("POST", path(bound) + "/relationships/running_spaces", body,
                    "application/json");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo(detail);
        }

        @Test
        void suspendedOrganizationsRefuseNonAdmins() {
            admin.patch("/v3/organizations/" + actors.orgGuid(), obj("suspended", true));
            try {
                ApiResponse r = actors.as(SPACE_MANAGER).post(path(bound) + "/relationships/running_spaces",
                        data(actors.spaceGuid()));
                assertThat(r.status()).isEqualTo(403);
                assertThat(r.errorTitle()).isEqualTo("CF-OrgSuspended");
            } finally {
                admin.patch("/v3/organizations/" + actors.orgGuid(), obj("suspended", false));
            }
        }
    }

    @Nested
    @DisplayName("GET /v3/spaces/:guid/running_security_groups and staging_security_groups")
    @Checks({
            "DELETE /v3/security_groups/:guid",
            "GET /v3/spaces/:guid/staging_security_groups",
            "PATCH /v3/security_groups/:guid"})
    class SpaceLists {
        @Test
        void listsBoundAndGloballyEnabledGroupsShowingOnlyThisSpace() {
            String global = plain();
            admin.patch(path(global), obj("globally_enabled", obj("running", true)));
            try {
                String running = "/v3/spaces/" + otherSpace + "/running_security_groups";
                ApiResponse r = admin.get(running);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.resourceValues("guid")).contains(bound, global);
                JsonNode boundGroup = r.body().path("resources").get(r.resourceValues("guid").indexOf(bound));
                assertThat(dataGuids(boundGroup.path("relationships").path("running_spaces")))
                        .containsExactly(otherSpace);
                assertThat(admin.get("/v3/spaces/" + otherSpace + "/staging_security_groups").resourceValues("guid"))
                        .doesNotContain(bound, global);
                ApiResponse mine = actors.as(SPACE_AUDITOR).get("/v3/spaces/" + actors.spaceGuid()
                        + "/staging_security_groups?names=" + admin.get(path(bound)).body().path("name").asText());
                assertThat(mine.resourceValues("guid")).containsExactly(bound);
                assertThat(r.body().path("pagination").path("first").path("href").asText())
                        .isEqualTo(tck.baseUrl() + running + "?page=1&per_page=50");
            } finally {
                admin.delete(path(global));
            }
        }

        @Test
        void spaceReadersOnlyAndBadParametersAre422() {
            String list = "/v3/spaces/" + actors.spaceGuid() + "/running_security_groups";
            actors.check(Expect.byDefault(200).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.get(list));
            ApiResponse bad = actors.as(NO_ROLE).get(list + "?bogus=1");
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.errorDetail()).startsWith("Unknown query parameter(s): 'bogus'");
        }
    }
}
