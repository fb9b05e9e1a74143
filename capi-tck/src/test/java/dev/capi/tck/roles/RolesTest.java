package dev.capi.tck.roles;

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

import java.util.UUID;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/roles}. */
class RolesTest {
    private static final String NOT_IN_ORG =
            "Users cannot be assigned roles in a space if they do not have a role in that space's organization.";

    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    private static JsonNode role(String type, String userGuid, String relation, String target) {
        return obj("type", type, "relationships", obj("user", rel(userGuid), relation, rel(target)));
    }

    private static JsonNode byUsername(String type, String username, String relation, String target) {
        return obj("type", type, "relationships", obj("user", obj("data", obj("username", username)),
                relation, rel(target)));
    }

    /** A user guid the Cloud Controller creates when it is first given an organization role. */
    private static String freshGuid() {
        return Tck.RUN_PREFIX + "-" + UUID.randomUUID();
    }

    /** A fresh user holding organization_user in the actors' organization. */
    private static String orgUser() {
        String guid = freshGuid();
        assertThat(admin.post("/v3/roles", role("organization_user", guid, "organization", actors.orgGuid()))
                .status()).isEqualTo(201);
        return guid;
    }

    private static long rolesOf(String userGuid) {
        return admin.get("/v3/roles?user_guids=" + userGuid).body().path("pagination").path("total_results")
                .asLong();
    }

    private static String roleGuid(Cf user, String type) {
        return admin.get("/v3/roles?types=" + type + "&user_guids=" + Tck.userGuid(user)).resourceValues("guid")
                .get(0);
    }

    @Nested
    @DisplayName("POST /v3/roles")
    @Checks({
            "DELETE /v3/roles/:guid",
            "GET /v3/audit_events",
            "GET /v3/roles",
            "GET /v3/roles/:guid",
            "GET /v3/spaces/:guid",
            "GET /v3/users/:guid",
            "POST /v3/roles"})
    class Create {
        @Test
        void createsASpaceRoleAndPresentsItAsTheReference() {
            String user = orgUser();
            ApiResponse r = admin.post("/v3/roles", role("space_developer", user, "space", actors.spaceGuid()));
            assertThat(r.status()).isEqualTo(201);
            JsonNode role = r.body();
            String guid = role.path("guid").asText();
            assertThat(role.path("type").asText()).isEqualTo("space_developer");
            assertThat(role.path("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            JsonNode relationships = role.path("relationships");
            assertThat(relationships.path("user").path("data").path("guid").asText()).isEqualTo(user);
            assertThat(relationships.path("space").path("data").path("guid").asText()).isEqualTo(actors.spaceGuid());
            assertThat(relationships.path("organization").path("data").isNull()).isTrue();
            JsonNode links = role.path("links");
            assertThat(links.path("self").path("href").asText()).isEqualTo(tck.baseUrl() + "/v3/roles/" + guid);
            assertThat(links.path("user").path("href").asText()).isEqualTo(tck.baseUrl() + "/v3/users/" + user);
            assertThat(links.path("space").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/spaces/" + actors.spaceGuid());
            assertThat(links.has("organization")).isFalse();
            assertThat(admin.get("/v3/roles/" + guid).body()).isEqualTo(role);
        }

        @Test
        void createsAnOrganizationRoleForAUserTheCloudControllerHasNotSeen() {
            String user = freshGuid();
            ApiResponse r = admin.post("/v3/roles", role("organization_auditor", user, "organization",
                    actors.orgGuid()));
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.body().path("relationships").path("space").path("data").isNull()).isTrue();
            assertThat(r.body().path("links").path("organization").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/organizations/" + actors.orgGuid());
            assertThat(admin.get("/v3/users/" + user).status()).isEqualTo(200);
            ApiResponse events = admin.get("/v3/audit_events?types=audit.user.organization_auditor_add"
                    + "&target_guids=" + user);
            if (events.status() == 200) {
                JsonNode event = events.body().path("resources").path(0);
                assertThat(event.path("target").path("type").asText()).isEqualTo("user");
                assertThat(event.path("organization").path("guid").asText()).isEqualTo(actors.orgGuid());
                assertThat(event.path("data").path("request").path("type").asText())
                        .isEqualTo("organization_auditor");
            }
        }

        @Test
        void orgManagersAndAdminsMayGrantOrganizationRoles() {
            actors.check(Expect.byDefault(403).and(201, ADMIN, ORG_MANAGER), cf -> cf.post("/v3/roles",
                    role("organization_billing_manager", freshGuid(), "organization", actors.orgGuid())));
        }

        @Test
        void spaceManagersOrgManagersAndAdminsMayGrantSpaceRolesAndNobodyGetsNotFound() {
            actors.check(Expect.byDefault(403).and(201, ADMIN, ORG_MANAGER, SPACE_MANAGER), cf -> cf.post(
                    "/v3/roles", role("space_auditor", orgUser(), "space", actors.spaceGuid())));
        }

        @Test
        void refusesDuplicatesNamingTheUserAndTheTarget() {
            String user = orgUser();
            var body = role("space_supporter", user, "space", actors.spaceGuid());
            assertThat(admin.post("/v3/roles", body).status()).isEqualTo(201);
            long before = rolesOf(user);
            ApiResponse r = admin.post("/v3/roles", body);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
            String spaceName = admin.get("/v3/spaces/" + actors.spaceGuid()).body().path("name").asText();
            assertThat(r.errorDetail()).isEqualTo("User '" + user + "' already has 'space_supporter' role in space '"
                    + spaceName + "'.");
            assertThat(rolesOf(user)).isEqualTo(before);
        }

        @Test
        void spaceRolesNeedTheOrganizationUserRole() {
            String user = freshGuid();
            admin.post("/v3/roles", role("organization_auditor", user, "organization", actors.orgGuid()));
            ApiResponse r = admin.post("/v3/roles", role("space_developer", user, "space", actors.spaceGuid()));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo(NOT_IN_ORG);
            assertThat(rolesOf(user)).isEqualTo(1);
            String unknown = freshGuid();
            assertThat(admin.post("/v3/roles", role("space_developer", unknown, "space", actors.spaceGuid()))
                    .errorDetail()).isEqualTo(NOT_IN_ORG);
            assertThat(admin.get("/v3/users/" + unknown).status()).isEqualTo(404);
        }

        @Test
        void missingTargetsAreUnprocessableNotNotFound() {
            ApiResponse space = actors.as(SPACE_DEVELOPER).post("/v3/roles",
                    role("space_auditor", freshGuid(), "space", "does-not-exist"));
            assertThat(space.status()).isEqualTo(422);
            assertThat(space.errorDetail())
                    .isEqualTo("Invalid space. Ensure that the space exists and you have access to it.");
            ApiResponse org = admin.post("/v3/roles", role("organization_user", freshGuid(), "organization",
                    "does-not-exist"));
            assertThat(org.status()).isEqualTo(422);
            assertThat(org.errorDetail())
                    .isEqualTo("Invalid organization. Ensure that the organization exists and you have access to it.");
        }

        @Test
        void grantsRolesByUsername() {
            Cf user = tck.newUser("by-name");
            ApiResponse r = admin.post("/v3/roles", byUsername("organization_user", user.name(), "organization",
                    actors.orgGuid()));
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.body().path("relationships").path("user").path("data").path("guid").asText())
                    .isEqualTo(Tck.userGuid(user));
            assertThat(actors.as(SPACE_MANAGER).post("/v3/roles", byUsername("space_developer", user.name(), "space",
                    actors.spaceGuid())).status()).isEqualTo(201);
            String nobody = Tck.unique("nobody");
            ApiResponse unknown = admin.post("/v3/roles", byUsername("organization_user", nobody, "organization",
                    actors.orgGuid()));
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.errorDetail()).isEqualTo("No user exists with the username '" + nobody + "'.");
            assertThat(admin.post("/v3/roles", byUsername("space_developer", nobody, "space", actors.spaceGuid()))
                    .errorDetail()).isEqualTo(NOT_IN_ORG);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "{}|Relationships 'relationships' is not an object, Type must be one of the allowed types "
                        + "[\"organization_auditor\", \"organization_manager\", \"organization_billing_manager\", "
                        + "\"organization_user\", \"space_auditor\", \"space_manager\", \"space_developer\", "
                        + "\"space_supporter\"]",
                "{\"type\": \"space_auditor\", \"relationships\": {}}"
                        + "|Relationships 'relationships' must include one or more valid relationships",
                "{\"type\": \"organization_user\", \"relationships\": {\"user\": {\"data\": {\"guid\": \"u\"}}, "
                        + "\"space\": {\"data\": {\"guid\": \"SPACE\"}}}}"
                        + "|Relationships Space cannot be provided with the organization role type: 'organization_user'.",
                "{\"type\": \"space_auditor\", \"relationships\": {\"space\": {\"data\": {\"guid\": \"SPACE\"}}}}"
                        + "|Relationships User can't be blank, Relationships User must have a username or guid specified",
                "{\"type\": \"space_auditor\", \"relationships\": {\"user\": {\"data\": {\"guid\": \"u\", "
                        + "\"username\": \"n\"}}, \"space\": {\"data\": {\"guid\": \"SPACE\"}}}}"
                        + "|Relationships Username cannot be specified when identifying user by guid",
                "{\"type\": \"space_auditor\", \"relationships\": {\"user\": {\"data\": {\"guid\": \"u\"}}}}"
                        + "|Relationships must specify either a space or an organization.",
                "{\"type\": \"space_auditor\", \"bogus\": 1, \"relationships\": {\"user\": {\"data\": {\"guid\": "
                        + "\"u\"}}, \"space\": {\"data\": {\"guid\": \"SPACE\"}}}}|Unknown field(s): 'bogus'"})
        void refusesBadInputAndChangesNothing(String body, String detail) {
            var before = admin.guids("/v3/roles");
            ApiResponse r = admin.send("POST", "/v3/roles", body.replace("SPACE", actors.spaceGuid()),
                    "application/json");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
            assertThat(r.errorDetail()).isEqualTo(detail);
            assertThat(before).as("nothing created").containsAll(admin.guids("/v3/roles"));
        }

        @Test
        void malformedJsonIsAParseError() {
            ApiResponse r = admin.send("POST", "/v3/roles", "{not json", "application/json");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorTitle()).isEqualTo("CF-MessageParseError");
        }
    }

    @Nested
    @DisplayName("GET /v3/roles")
    @Checks({"GET /v3/roles"})
    class List {
        @Test
        void organizationReadersSeeOrganizationRolesAndSpaceReadersAlsoTheSpaceRoles() {
            String spaceAuditorRole = roleGuid(actors.as(SPACE_AUDITOR), "space_auditor");
            String path = "/v3/roles?per_page=5000&space_guids=" + actors.spaceGuid();
            for (Role reader : new Role[]{ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR, ORG_MANAGER, SPACE_MANAGER,
                    SPACE_DEVELOPER, SPACE_AUDITOR, SPACE_SUPPORTER}) {
                Cf cf = actors.as(reader);
                if (cf != null) {
                    assertThat(cf.get(path).resourceValues("guid")).as(reader.name()).contains(spaceAuditorRole);
                }
            }
            for (Role other : new Role[]{ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE}) {
                assertThat(actors.as(other).get(path).resourceValues("guid")).as(other.name()).isEmpty();
            }
            String orgPath = "/v3/roles?per_page=5000&organization_guids=" + actors.orgGuid();
            ApiResponse orgRoles = actors.as(ORG_BILLING_MANAGER).get(orgPath);
            assertThat(orgRoles.resourceValues("type")).contains("organization_manager", "organization_auditor")
                    .allMatch(t -> t.startsWith("organization_"));
            assertThat(actors.as(NO_ROLE).get(orgPath).resourceValues("guid")).isEmpty();
        }

        @Test
        void filtersAndLinksAsTheReferenceWithCreatedAtAsTheDefaultOrder() {
            ApiResponse r = admin.get("/v3/roles?organization_guids=" + actors.orgGuid()
                    + "&types=organization_manager,organization_auditor&per_page=1");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.resourceValues("type")).containsExactly("organization_manager");
            JsonNode p = r.body().path("pagination");
            assertThat(p.path("first").path("href").asText()).isEqualTo(tck.baseUrl() + "/v3/roles?order_by=%2B"
                    + "created_at&organization_guids=" + actors.orgGuid()
                    + "&page=1&per_page=1&types=organization_manager%2Corganization_auditor");
            assertThat(p.path("total_results").asInt()).isGreaterThanOrEqualTo(2);
            String sd = Tck.userGuid(actors.as(SPACE_DEVELOPER));
            assertThat(admin.get("/v3/roles?user_guids=" + sd).resourceValues("type"))
                    .containsExactly("organization_user", "space_developer");
            assertThat(admin.get("/v3/roles?organization_guids=" + actors.orgGuid() + "&user_guids=" + sd)
                    .resourceValues("type")).as("organization_guids matches organization roles only")
                    .containsExactly("organization_user");
        }

        @Test
        void includesUsersOrganizationsAndSpaces() {
            Cf sd = actors.as(SPACE_DEVELOPER);
            ApiResponse r = admin.get("/v3/roles?user_guids=" + Tck.userGuid(sd) + "&include=user,organization,space");
            JsonNode included = r.body().path("included");
            assertThat(included.path("users").path(0).path("guid").asText()).isEqualTo(Tck.userGuid(sd));
            assertThat(included.path("users").path(0).path("username").asText()).isEqualTo(sd.name());
            assertThat(included.path("organizations").path(0).path("guid").asText()).isEqualTo(actors.orgGuid());
            assertThat(included.path("spaces").path(0).path("guid").asText()).isEqualTo(actors.spaceGuid());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "bogus=1|Unknown query parameter(s): 'bogus'",
                "include=apps|Invalid included resource: 'apps'",
                "per_page=0|Per page must be a positive integer",
                "order_by=name|Order by can only be: 'created_at', 'updated_at'"})
        void refusesBadQueryParametersWithUnprocessableEntity(String query, String detail) {
            ApiResponse r = admin.get("/v3/roles?" + query);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
            assertThat(r.errorDetail()).startsWith(detail);
        }
    }

    @Nested
    @DisplayName("GET /v3/roles/:guid")
    @Checks({"GET /v3/roles/:guid"})
    class Get {
        @Test
        void spaceRolesAreHiddenFromOrganizationRolesWithoutSpaceAccess() {
            String guid = roleGuid(actors.as(SPACE_AUDITOR), "space_auditor");
            actors.check(Expect.byDefault(200).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.get("/v3/roles/" + guid));
        }

        @Test
        void organizationRolesAreSeenByEveryMember() {
            String guid = roleGuid(actors.as(ORG_AUDITOR), "organization_auditor");
            actors.check(Expect.byDefault(200).and(404, NO_ROLE), cf -> cf.get("/v3/roles/" + guid));
        }

        @Test
        void unknownGuidsAndBadIncludes() {
            ApiResponse missing = admin.get("/v3/roles/does-not-exist");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.errorTitle()).isEqualTo("CF-ResourceNotFound");
            assertThat(missing.errorDetail()).isEqualTo("Role not found");
            String guid = roleGuid(actors.as(ORG_AUDITOR), "organization_auditor");
            assertThat(admin.get("/v3/roles/" + guid + "?include=apps").status()).isEqualTo(422);
            JsonNode included = admin.get("/v3/roles/" + guid + "?include=space,user").body().path("included");
            assertThat(included.path("spaces").isArray()).isTrue();
            assertThat(included.path("spaces")).isEmpty();
            assertThat(included.path("users")).hasSize(1);
        }
    }

    @Nested
    @DisplayName("DELETE /v3/roles/:guid")
    @Checks({"DELETE /v3/roles/:guid", "GET /v3/roles", "GET /v3/roles/:guid", "POST /v3/roles"})
    class Delete {
        @Test
        void spaceRolesAreRemovedBySpaceManagersOrgManagersAndAdmins() {
            String user = orgUser();
            String target = admin.post("/v3/roles", role("space_auditor", user, "space", actors.spaceGuid())).body()
                    .path("guid").asText();
            actors.check(Expect.byDefault(403).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE)
                    .and(Expect.SKIP, ADMIN, ORG_MANAGER, SPACE_MANAGER), cf -> cf.delete("/v3/roles/" + target));
            for (Role role : actors.obtainable(ADMIN, ORG_MANAGER, SPACE_MANAGER)) {
                String fresh = admin.post("/v3/roles", role("space_developer", user, "space", actors.spaceGuid()))
                        .body().path("guid").asText();
                ApiResponse r = actors.as(role).delete("/v3/roles/" + fresh);
                assertThat(r.status()).as(role.name()).isEqualTo(202);
                JsonNode job = actors.as(role).awaitJob(r);
                assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
                assertThat(admin.get("/v3/roles/" + fresh).status()).isEqualTo(404);
            }
        }

        @Test
        void organizationRolesAreRemovedByOrgManagersAndAdmins() {
            String user = freshGuid();
            String target = admin.post("/v3/roles", role("organization_auditor", user, "organization",
                    actors.orgGuid())).body().path("guid").asText();
            actors.check(Expect.byDefault(403).and(404, NO_ROLE).and(Expect.SKIP, ADMIN, ORG_MANAGER),
                    cf -> cf.delete("/v3/roles/" + target));
            ApiResponse r = actors.as(ORG_MANAGER).delete("/v3/roles/" + target);
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.header("Location")).startsWith(tck.baseUrl() + "/v3/jobs/");
            assertThat(admin.awaitJob(r).path("operation").asText()).isEqualTo("role.delete");
            assertThat(rolesOf(user)).isZero();
        }

        @Test
        void organizationUserStaysWhileTheUserHoldsSpaceRolesThere() {
            String user = orgUser();
            admin.post("/v3/roles", role("space_manager", user, "space", actors.spaceGuid()));
            String orgUserRole = admin.get("/v3/roles?types=organization_user&user_guids=" + user)
                    .resourceValues("guid").get(0);
            ApiResponse r = admin.delete("/v3/roles/" + orgUserRole);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo(
                    "Cannot delete organization_user role while user has roles in spaces in that organization.");
            assertThat(rolesOf(user)).isEqualTo(2);
        }

        @Test
        void unknownGuidIsNotFound() {
            assertThat(actors.as(ORG_MANAGER).delete("/v3/roles/does-not-exist").status()).isEqualTo(404);
        }
    }
}
