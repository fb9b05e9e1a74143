package dev.capi.tck.apps;

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
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/apps}: create, get, list, update, delete, and the app's environment and features. */
class AppsTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    static Object create(String name, String space) {
        return obj("name", name, "relationships", obj("space", rel(space)));
    }

    static JsonNode newApp(String space) {
        ApiResponse r = Tck.get().admin().post("/v3/apps", create(Tck.unique("app"), space));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body();
    }

    static long appsInSpace(String space) {
        return Tck.get().admin().get("/v3/apps?space_guids=" + space).body().path("pagination").path("total_results").asLong();
    }

    static void assertError(ApiResponse r, int status, String title, String detail) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.errorTitle()).as(r.toString()).isEqualTo(title);
        if (detail != null) {
            assertThat(r.errorDetail()).isEqualTo(detail);
        }
    }

    static JsonNode auditEvents(String type, String target) {
        return Tck.get().admin().get("/v3/audit_events?types=" + type + "&target_guids=" + target).body().path("resources");
    }

    @Nested
    @DisplayName("POST /v3/apps")
    @Checks({"GET /v3/apps", "GET /v3/apps/:guid", "GET /v3/apps/:guid/processes/:type", "POST /v3/apps"})
    class Create {
        @Test
        void createsAStoppedAppWithAWebProcessAndTheReferenceShape() {
            String name = Tck.unique("app");
            ApiResponse r = admin.post("/v3/apps", obj("name", name, "relationships",
                    obj("space", rel(actors.spaceGuid())), "environment_variables", obj("A", "1"),
                    "metadata", obj("labels", obj("tier", "web"))));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            JsonNode a = r.body();
            String guid = a.path("guid").asText();
            String self = tck.baseUrl() + "/v3/apps/" + guid;
            assertThat(a.path("name").asText()).isEqualTo(name);
            assertThat(a.path("state").asText()).isEqualTo("STOPPED");
            assertThat(a.path("lifecycle").path("type").asText()).isEqualTo("buildpack");
            assertThat(a.path("lifecycle").path("data").path("buildpacks").isArray()).isTrue();
            assertThat(a.path("lifecycle").path("data").path("stack").asText()).isEqualTo("cflinuxfs4");
            assertThat(a.path("relationships").path("space").path("data").path("guid").asText())
                    .isEqualTo(actors.spaceGuid());
            assertThat(a.path("relationships").path("current_droplet").path("data").path("guid").isNull()).isTrue();
            assertThat(a.path("metadata").path("labels").path("tier").asText()).isEqualTo("web");
            assertThat(a.path("links").path("self").path("href").asText()).isEqualTo(self);
            assertThat(a.path("links").path("start").path("method").asText()).isEqualTo("POST");
            assertThat(a.path("links").path("current_droplet").path("href").asText())
                    .isEqualTo(self + "/droplets/current");
            JsonNode web = admin.get("/v3/apps/" + guid + "/processes/web").body();
            assertThat(web.path("guid").asText()).isEqualTo(guid);
            assertThat(web.path("instances").asInt()).isEqualTo(1);
            assertThat(web.path("health_check").path("type").asText()).isEqualTo("port");
            assertThat(web.path("metadata").path("labels").size()).isZero();
            assertThat(auditEvents("audit.app.create", guid)).hasSize(1);
            assertThat(auditEvents("audit.app.create", guid).path(0).path("data").path("request")
                    .path("environment_variables").asText()).isEqualTo("[PRIVATE DATA HIDDEN]");
            assertThat(auditEvents("audit.app.process.create", guid)).hasSize(1);
        }

        @Test
        void spaceDevelopersAndAdminsMayCreate() {
            long before = appsInSpace(actors.spaceGuid());
            actors.check(Expect.byDefault(403).and(201, ADMIN, SPACE_DEVELOPER)
                            .and(422, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.post("/v3/apps", create(Tck.unique("app"), actors.spaceGuid())));
            assertThat(appsInSpace(actors.spaceGuid())).isEqualTo(before + 2);
        }

        @Test
        void duplicateNamesAreAUniquenessError() {
            String name = Tck.unique("app");
            assertThat(admin.post("/v3/apps", create(name, actors.spaceGuid())).status()).isEqualTo(201);
            long before = appsInSpace(actors.spaceGuid());
            assertError(admin.post("/v3/apps", create(name, actors.spaceGuid())), 422, "CF-UniquenessError",
                    "App with the name '" + name + "' already exists.");
            assertThat(appsInSpace(actors.spaceGuid())).isEqualTo(before);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
                "{\"relationships\": {\"space\": {\"data\": {\"guid\": \"SPACE\"}}}}|422|Name must be a string",
                "{\"name\": 5, \"relationships\": {\"space\": {\"data\": {\"guid\": \"SPACE\"}}}}|422|Name must be a string",
                "{\"name\": \"x\"}|422|",
                "{\"name\": \"x\", \"relationships\": {\"space\": {\"data\": {\"guid\": \"nope\"}}}}|422|Invalid space. Ensure that the space exists and you have access to it.",
                "{\"name\": \"x\", \"foo\": 1, \"relationships\": {\"space\": {\"data\": {\"guid\": \"SPACE\"}}}}|422|Unknown field(s): 'foo'",
                "{\"name\": \"x\", \"environment_variables\": {\"VCAP_X\": \"1\"}, \"relationships\": {\"space\": {\"data\": {\"guid\": \"SPACE\"}}}}|422|Environment variables cannot start with VCAP_",
                "{\"name\": \"x\", \"environment_variables\": [], \"relationships\": {\"space\": {\"data\": {\"guid\": \"SPACE\"}}}}|422|Environment variables must be an object",
                "{\"name\": \"x\", \"lifecycle\": {\"type\": \"buildpack\", \"data\": {\"stack\": \"nope\"}}, \"relationships\": {\"space\": {\"data\": {\"guid\": \"SPACE\"}}}}|422|Stack must be an existing stack",
                "{\"name\": \"x\", \"lifecycle\": {\"type\": \"buildpack\", \"data\": {\"buildpacks\": [5]}}, \"relationships\": {\"space\": {\"data\": {\"guid\": \"SPACE\"}}}}|422|Buildpacks can only contain strings",
                "{\"name\": \"x\", \"lifecycle\": {\"type\": \"docker\", \"data\": {}}, \"relationships\": {\"space\": {\"data\": {\"guid\": \"SPACE\"}}}}|403|Feature Disabled: diego_docker",
                "{bad|400|"})
        void refusesBadInputAndCreatesNothing(String body, int status, String detail) {
            long before = appsInSpace(actors.spaceGuid());
            ApiResponse r = admin.send("POST", "/v3/apps", body.replace("SPACE", actors.spaceGuid()),
                    "application/json");
            String title = switch (status) {
                case 400 -> "CF-MessageParseError";
                case 403 -> "CF-FeatureDisabled";
                default -> "CF-UnprocessableEntity";
            };
            assertError(r, status, title, detail);
            assertThat(appsInSpace(actors.spaceGuid())).isEqualTo(before);
        }
    }

    @Nested
    @DisplayName("GET /v3/apps")
    @Checks({"GET /v3/apps", "POST /v3/apps"})
    class ListApps {
        @Test
        void filtersOrdersAndIncludes() {
            var fresh = tck.actors();
            String a = admin.post("/v3/apps", create("b-app", fresh.spaceGuid())).body().path("guid").asText();
            String b = admin.post("/v3/apps", create("a-app", fresh.spaceGuid())).body().path("guid").asText();
            ApiResponse r = admin.get("/v3/apps?space_guids=" + fresh.spaceGuid() + "&order_by=name&include=space,org");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.resourceValues("guid")).containsExactly(b, a);
            assertThat(r.body().path("included").path("spaces").path(0).path("guid").asText())
                    .isEqualTo(fresh.spaceGuid());
            assertThat(r.body().path("included").path("organizations").path(0).path("guid").asText())
                    .isEqualTo(fresh.orgGuid());
            assertThat(admin.get("/v3/apps?names=a-app&organization_guids=" + fresh.orgGuid())
                    .resourceValues("guid")).containsExactly(b);
            assertThat(admin.get("/v3/apps?space_guids=" + fresh.spaceGuid() + "&order_by=-name&per_page=1")
                    .body().path("pagination").path("next").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/apps?order_by=-name&page=2&per_page=1&space_guids="
                            + fresh.spaceGuid());
            assertError(admin.get("/v3/apps?order_by=size"), 400, "CF-BadQueryParameter", null);
            assertError(admin.get("/v3/apps?include=routes"), 400, "CF-BadQueryParameter", null);
        }

        @Test
        void listsOnlyWhatTheRoleCanSee() {
            String guid = newApp(actors.spaceGuid()).path("guid").asText();
            for (var role : actors.obtainable(ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR, ORG_MANAGER, SPACE_MANAGER,
                    SPACE_DEVELOPER, SPACE_AUDITOR, SPACE_SUPPORTER)) {
                assertThat(actors.as(role).get("/v3/apps?guids=" + guid).resourceValues("guid")).as(role.name())
                        .containsExactly(guid);
            }
            for (var role : actors.obtainable(ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE)) {
                assertThat(actors.as(role).get("/v3/apps?guids=" + guid).resourceValues("guid")).as(role.name())
                        .isEmpty();
            }
        }
    }

    @Nested
    @DisplayName("GET /v3/apps/:guid")
    @Checks({"GET /v3/apps/:guid"})
    class Get {
        @Test
        void spaceReadersOrgManagersAndGlobalReadersSeeIt() {
            String guid = newApp(actors.spaceGuid()).path("guid").asText();
            actors.check(Expect.byDefault(200).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.get("/v3/apps/" + guid));
            assertError(admin.get("/v3/apps/nope"), 404, "CF-ResourceNotFound", "App not found");
        }
    }
}
