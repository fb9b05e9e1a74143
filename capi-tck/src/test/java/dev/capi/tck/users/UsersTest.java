package dev.capi.tck.users;

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

import java.util.UUID;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/users} and the organization and space member lists. */
class UsersTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    private static String guidOf(dev.capi.tck.support.Role role) {
        return Tck.userGuid(actors.as(role));
    }

    private static String freshGuid() {
        return Tck.RUN_PREFIX + "-" + UUID.randomUUID();
    }


    /** A user holding organization_user in the actors' organization, created by guid. */
    private static String member() {
        String guid = freshGuid();
        assertThat(admin.post("/v3/roles", obj("type", "organization_user", "relationships",
                obj("user", rel(guid), "organization", rel(actors.orgGuid())))).status()).isEqualTo(201);
        return guid;
    }

    @Nested
    @DisplayName("GET /v3/users/:guid")
    @Checks({"GET /v3/users/:guid"})
    class Get {
        @Test
        void presentsTheUserAsTheReference() {
            Cf sd = actors.as(SPACE_DEVELOPER);
            ApiResponse r = admin.get("/v3/users/" + Tck.userGuid(sd));
            assertThat(r.status()).isEqualTo(200);
            JsonNode user = r.body();
            assertThat(user.path("guid").asText()).isEqualTo(Tck.userGuid(sd));
            assertThat(user.path("username").asText()).isEqualTo(sd.name());
            assertThat(user.path("presentation_name").asText()).isEqualTo(sd.name());
            assertThat(user.path("origin").asText()).isEqualTo("uaa");
            assertThat(user.path("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            assertThat(user.path("metadata").toString()).isEqualTo("{\"labels\":{},\"annotations\":{}}");
            assertThat(user.path("links").path("self").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/users/" + Tck.userGuid(sd));
        }

        @Test
        void membersOfTheOrganizationSeeEachOtherAndStrangersSeeNobody() {
            String guid = guidOf(SPACE_DEVELOPER);
            actors.check(Expect.byDefault(200).and(404, NO_ROLE), cf -> cf.get("/v3/users/" + guid));
            ApiResponse self = actors.as(NO_ROLE).get("/v3/users/" + guidOf(NO_ROLE));
            assertThat(self.status()).isEqualTo(200);
        }

        @Test
        void unknownGuidIsNotFound() {
            ApiResponse r = admin.get("/v3/users/does-not-exist");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.errorTitle()).isEqualTo("CF-ResourceNotFound");
            assertThat(r.errorDetail()).isEqualTo("User not found");
        }
    }

    @Nested
    @DisplayName("GET /v3/users")
    @Checks({"GET /v3/users"})
    class List {
        @Test
        void listsTheCallerAndTheMembersOfItsOrganizations() {
            String path = "/v3/users?guids=" + guidOf(SPACE_DEVELOPER) + "," + guidOf(ORG_AUDITOR) + ","
                    + guidOf(NO_ROLE);
            assertThat(actors.as(ORG_USER).get(path).resourceValues("guid"))
                    .containsExactlyInAnyOrder(guidOf(SPACE_DEVELOPER), guidOf(ORG_AUDITOR));
            assertThat(actors.as(NO_ROLE).get(path).resourceValues("guid")).containsExactly(guidOf(NO_ROLE));
            for (var global : new dev.capi.tck.support.Role[]{ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR}) {
                if (actors.as(global) != null) {
                    assertThat(actors.as(global).get(path).resourceValues("guid")).as(global.name()).hasSize(3);
                }
            }
        }

        @Test
        void filtersByUsernamesAndPartialUsernames() {
            Cf sd = actors.as(SPACE_DEVELOPER);
            assertThat(admin.get("/v3/users?usernames=" + sd.name()).resourceValues("guid"))
                    .containsExactly(Tck.userGuid(sd));
            String part = sd.name().substring(sd.name().length() - 6).toUpperCase();
            assertThat(admin.get("/v3/users?partial_usernames=" + part + "&origins=uaa").resourceValues("guid"))
                    .containsExactly(Tck.userGuid(sd));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "origins=uaa|Origins filter cannot be provided without usernames or partial_usernames filter.",
                "usernames=a&partial_usernames=b|Usernames filter cannot be provided with both usernames and "
                        + "partial_usernames filter.",
                "bogus=1|Unknown query parameter(s): 'bogus'",
                "label_selector=|Missing label_selector value"})
        void refusesBadQueryParametersWithUnprocessableEntity(String query, String detail) {
            ApiResponse r = admin.get("/v3/users?" + query);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
            assertThat(r.errorDetail()).startsWith(detail);
        }
    }

    @Nested
    @DisplayName("GET /v3/organizations/:guid/users and /v3/spaces/:guid/users")
    @Checks({"GET /v3/organizations/:guid/users", "GET /v3/spaces/:guid/users"})
    class Members {
        @Test
        void organizationMembersHoldAnOrganizationRole() {
            ApiResponse r = actors.as(ORG_BILLING_MANAGER).get("/v3/organizations/" + actors.orgGuid()
                    + "/users?per_page=5000");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.resourceValues("guid")).contains(guidOf(ORG_MANAGER), guidOf(SPACE_DEVELOPER))
                    .doesNotContain(guidOf(NO_ROLE));
            assertThat(actors.as(NO_ROLE).get("/v3/organizations/" + actors.orgGuid() + "/users").status())
                    .isEqualTo(404);
            ApiResponse bad = admin.get("/v3/organizations/" + actors.orgGuid() + "/users?bogus=1");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.errorTitle()).isEqualTo("CF-BadQueryParameter");
        }

        @Test
        void spaceMembersHoldASpaceRole() {
            ApiResponse r = actors.as(SPACE_SUPPORTER).get("/v3/spaces/" + actors.spaceGuid() + "/users");
            assertThat(r.resourceValues("guid")).containsExactlyInAnyOrder(guidOf(SPACE_MANAGER),
                    guidOf(SPACE_DEVELOPER), guidOf(SPACE_AUDITOR), guidOf(SPACE_SUPPORTER));
            assertThat(r.body().path("pagination").path("first").path("href").asText())
                    .startsWith(tck.baseUrl() + "/v3/spaces/" + actors.spaceGuid() + "/users?");
            ApiResponse hidden = actors.as(ORG_AUDITOR).get("/v3/spaces/" + actors.spaceGuid() + "/users");
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.errorDetail()).isEqualTo("Space not found");
        }
    }

    @Nested
    @DisplayName("POST /v3/users")
    @Checks({"GET /v3/users", "POST /v3/users"})
    class Create {
        @Test
        void adminsCreateUsersByGuid() {
            String guid = freshGuid();
            ApiResponse r = admin.post("/v3/users", obj("guid", guid, "metadata", obj("labels", obj("potato", "yam"))));
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.body().path("guid").asText()).isEqualTo(guid);
            assertThat(r.body().path("presentation_name").asText()).isEqualTo(guid);
            assertThat(r.body().path("username").isNull()).isTrue();
            assertThat(r.body().path("metadata").path("labels").path("potato").asText()).isEqualTo("yam");
            ApiResponse again = admin.post("/v3/users", obj("guid", guid));
            assertThat(again.status()).isEqualTo(422);
            assertThat(again.errorDetail()).isEqualTo("User with guid '" + guid + "' already exists.");
        }

        @Test
        void onlyAdminsMayCreate() {
            actors.check(Expect.byDefault(403).and(201, ADMIN), cf -> cf.post("/v3/users", obj("guid", freshGuid())));
            assertThat(actors.as(ORG_MANAGER).post("/v3/users", obj("guid", 5)).status())
                    .as("forbidden before the body is read").isEqualTo(403);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "{}|Guid or 'username' and 'origin' must be provided",
                "{\"guid\": 555}|Guid must be a string, Guid must be between 1 and 200 characters",
                "{\"guid\": \"g\", \"username\": \"x\"}|Username cannot be provided with 'guid'",
                "{\"username\": \"x\"}|Username can only be provided together with 'origin'",
                "{\"username\": \"x\", \"origin\": \"uaa\"}|Origin cannot be 'uaa' when creating a user by username",
                "{\"guid\": \"g\", \"bogus\": 1}|Unknown field(s): 'bogus'"})
        void refusesBadInputAndChangesNothing(String body, String detail) {
            var before = admin.guids("/v3/users");
            ApiResponse r = admin.send("POST", "/v3/users", body, "application/json");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
            assertThat(r.errorDetail()).isEqualTo(detail);
            assertThat(before).as("nothing created").containsAll(admin.guids("/v3/users"));
        }
    }

    @Nested
    @DisplayName("PATCH /v3/users/:guid")
    @Checks({"GET /v3/users/:guid", "PATCH /v3/users/:guid"})
    class Update {
        @Test
        void onlyAdminsUpdateMetadata() {
            String guid = guidOf(ORG_USER);
            actors.check(Expect.byDefault(403).and(200, ADMIN).and(404, NO_ROLE),
                    cf -> cf.patch("/v3/users/" + guid, obj("metadata", obj("labels", obj("k", "v")))));
            ApiResponse r = admin.patch("/v3/users/" + guid, obj("metadata",
                    obj("labels", obj("k", null, "tier", "gold"), "annotations", obj("note", "hi"))));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().path("metadata").path("labels").toString()).isEqualTo("{\"tier\":\"gold\"}");
            assertThat(r.body().path("metadata").path("annotations").path("note").asText()).isEqualTo("hi");
        }

        @Test
        void refusesOtherFields() {
            ApiResponse r = admin.patch("/v3/users/" + guidOf(ORG_USER), obj("username", "x"));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo("Unknown field(s): 'username'");
            assertThat(admin.get("/v3/users/" + guidOf(ORG_USER)).body().path("username").asText()).isNotEqualTo("x");
        }
    }

    @Nested
    @DisplayName("DELETE /v3/users/:guid")
    @Checks({"DELETE /v3/users/:guid", "GET /v3/roles", "GET /v3/users/:guid"})
    class Delete {
        @Test
        void onlyAdminsDeleteAndTheUsersRolesGoWithIt() {
            String guid = member();
            actors.check(Expect.byDefault(403).and(404, NO_ROLE).and(Expect.SKIP, ADMIN),
                    cf -> cf.delete("/v3/users/" + guid));
            ApiResponse r = admin.delete("/v3/users/" + guid);
            assertThat(r.status()).isEqualTo(202);
            JsonNode job = admin.awaitJob(r);
            assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
            assertThat(job.path("operation").asText()).isEqualTo("user.delete");
            assertThat(admin.get("/v3/users/" + guid).status()).isEqualTo(404);
            assertThat(admin.get("/v3/roles?user_guids=" + guid).resourceValues("guid")).isEmpty();
        }

        @Test
        void unknownGuidIsNotFound() {
            assertThat(admin.delete("/v3/users/does-not-exist").status()).isEqualTo(404);
        }
    }
}
