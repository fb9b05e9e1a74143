package dev.capi.tck.featureflags;

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

import java.util.ArrayList;
import java.util.List;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/feature_flags}; every change is undone, so it can run against a shared server. */
class FeatureFlagsTest {
    static final List<String> FLAGS = List.of("app_bits_upload", "app_scaling", "diego_cnb", "diego_docker",
            "env_var_visibility", "hash_based_routing", "hide_marketplace_from_unauthenticated_users",
            "private_domain_creation", "resource_matching", "route_creation", "route_sharing",
            "service_instance_creation", "service_instance_sharing", "set_roles_by_username",
            "space_developer_env_var_visibility", "space_scoped_private_broker_creation", "task_creation",
            "unset_roles_by_username", "user_org_creation");

    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    private static JsonNode flag(String name) {
        return admin.get("/v3/feature_flags/" + name).body();
    }

    /** Puts a flag back as it was (enabled and custom message). */
    private static void restore(JsonNode before) {
        admin.patch("/v3/feature_flags/" + before.path("name").asText(), obj("enabled",
                before.path("enabled").asBoolean(), "custom_error_message",
                before.path("custom_error_message").isNull() ? null : before.path("custom_error_message").asText()));
    }

    @Nested
    @DisplayName("GET /v3/feature_flags")
    @Checks({"GET /v3/feature_flags"})
    class ListFlags {
        @Test
        void everyoneListsTheNineteenFlagsByName() {
            actors.check(Expect.byDefault(200), cf -> cf.get("/v3/feature_flags"));
            ApiResponse r = admin.get("/v3/feature_flags?per_page=50");
            List<String> names = new ArrayList<>();
            r.body().path("resources").forEach(f -> names.add(f.path("name").asText()));
            assertThat(names).containsExactlyElementsOf(FLAGS);
            JsonNode first = r.body().path("resources").get(0);
            assertThat(first.has("enabled")).isTrue();
            assertThat(first.has("updated_at")).isTrue();
            assertThat(first.has("custom_error_message")).isTrue();
            assertThat(first.path("links").path("self").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/feature_flags/app_bits_upload");
        }

        @Test
        void ordersByNameDescendingAndPaginates() {
            ApiResponse r = admin.get("/v3/feature_flags?order_by=-name&per_page=2");
            assertThat(r.body().path("resources").findValuesAsText("name"))
                    .containsExactly("user_org_creation", "unset_roles_by_username");
            assertThat(r.body().path("pagination").path("total_pages").asInt()).isEqualTo(10);
            assertThat(r.body().path("pagination").path("next").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/feature_flags?order_by=-name&page=2&per_page=2");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "created_ats=2020-05-26T18:47:04Z|Filtering by 'created_ats' is not allowed on this resource.",
                "created_ats%5Bgt%5D=2020-05-26T18:47:04Z|Filtering by 'created_ats' is not allowed on this resource.",
                "order_by=created_at|Order by can only be: 'name'",
                "names=x|Unknown query parameter(s): 'names'"})
        void refusesBadQueryParameters(String query, String detail) {
            ApiResponse r = admin.get("/v3/feature_flags?" + query);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorTitle()).isEqualTo("CF-BadQueryParameter");
            assertThat(r.errorDetail()).startsWith("The query parameter is invalid: " + detail);
        }
    }

    @Nested
    @DisplayName("GET /v3/feature_flags/:name")
    @Checks({"GET /v3/feature_flags/:name"})
    class Get {
        @Test
        void everyoneReadsAFlag() {
            actors.check(Expect.byDefault(200), cf -> cf.get("/v3/feature_flags/route_creation"));
            assertThat(flag("route_creation").path("name").asText()).isEqualTo("route_creation");
        }

        @Test
        void anUnknownFlagIsNotFound() {
            ApiResponse r = admin.get("/v3/feature_flags/no_such_flag");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.errorTitle()).isEqualTo("CF-ResourceNotFound");
            assertThat(r.errorDetail()).isEqualTo("Feature flag not found");
        }
    }

    @Nested
    @DisplayName("PATCH /v3/feature_flags/:name")
    @Checks({"PATCH /v3/feature_flags/:name"})
    class Update {
        @Test
        void onlyAdminsMayUpdate() {
            JsonNode before = flag("route_sharing");
            try {
                actors.check(Expect.byDefault(403).and(200, ADMIN), cf -> cf.patch("/v3/feature_flags/route_sharing",
                        obj("enabled", before.path("enabled").asBoolean())));
            } finally {
                restore(before);
            }
        }

        @Test
        void setsAndClearsTheCustomMessageAndStampsUpdatedAt() {
            JsonNode before = flag("service_instance_sharing");
            try {
                ApiResponse r = admin.patch("/v3/feature_flags/service_instance_sharing",
                        obj("enabled", true, "custom_error_message", "ask ops"));
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body().path("enabled").asBoolean()).isTrue();
                assertThat(r.body().path("custom_error_message").asText()).isEqualTo("ask ops");
                assertThat(r.body().path("updated_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
                ApiResponse cleared = admin.patch("/v3/feature_flags/service_instance_sharing",
                        obj("custom_error_message", null));
                assertThat(cleared.body().path("custom_error_message").isNull()).isTrue();
                assertThat(cleared.body().path("enabled").asBoolean()).isTrue();
            } finally {
                restore(before);
            }
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "{\"enabled\": \"yes\"}|Enabled must be a boolean",
                "{\"enabled\": null}|Enabled must be a boolean",
                "{\"custom_error_message\": 5}|Custom error message must be a string",
                "{\"custom_error_message\": \"\"}|Custom error message is too short (minimum is 1 character)",
                "{\"bogus\": 1}|Unknown field(s): 'bogus'"})
        void refusesBadBodies(String body, String detail) {
            ApiResponse r = admin.send("PATCH", "/v3/feature_flags/route_sharing", body, "application/json");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
            assertThat(r.errorDetail()).isEqualTo(detail);
        }

        @Test
        void anUnknownFlagIsNotFoundEvenForNonAdmins() {
            assertThat(actors.as(SPACE_DEVELOPER).patch("/v3/feature_flags/no_such_flag", obj("enabled", true))
                    .status()).isEqualTo(404);
        }
    }

    @Nested
    @DisplayName("user_org_creation and POST /v3/organizations")
    @Checks({
            "GET /v3/organizations/:guid",
            "PATCH /v3/feature_flags/:name",
            "PATCH /v3/organizations/:guid",
            "POST /v3/organizations"})
    class UserOrgCreation {
        @Test
        void enablingTheFlagLetsUsersWithTheWriteScopeCreateOrganizations() {
            JsonNode before = flag("user_org_creation");
            try {
                admin.patch("/v3/feature_flags/user_org_creation", obj("enabled", false));
                actors.check(Expect.byDefault(403).and(201, ADMIN),
                        cf -> cf.post("/v3/organizations", obj("name", Tck.unique("org"))));
                admin.patch("/v3/feature_flags/user_org_creation", obj("enabled", true));
                actors.check(Expect.byDefault(201).and(403, ADMIN_READ_ONLY, GLOBAL_AUDITOR),
                        cf -> cf.post("/v3/organizations", obj("name", Tck.unique("org"))));
                admin.patch("/v3/feature_flags/user_org_creation", obj("enabled", false));
                assertThat(actors.as(NO_ROLE).post("/v3/organizations", obj("name", Tck.unique("org"))).status())
                        .isEqualTo(403);
            } finally {
                restore(before);
            }
        }

        @Test
        void theCreatorOfAnOrganizationBecomesItsManager() {
            JsonNode before = flag("user_org_creation");
            try {
                admin.patch("/v3/feature_flags/user_org_creation", obj("enabled", true));
                Cf user = actors.as(NO_ROLE);
                ApiResponse created = user.post("/v3/organizations", obj("name", Tck.unique("org")));
                assertThat(created.status()).isEqualTo(201);
                String guid = created.body().path("guid").asText();
                assertThat(user.get("/v3/organizations/" + guid).status()).isEqualTo(200);
                assertThat(user.patch("/v3/organizations/" + guid, obj("name", Tck.unique("org"))).status())
                        .isEqualTo(200);
            } finally {
                restore(before);
            }
        }
    }
}
