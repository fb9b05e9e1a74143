package dev.capi.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.server.support.ApiCalls;
import dev.capi.server.support.ApiCalls.Answer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capi.domain.Settings;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.model.AuditEvent;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.persistence.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.capi.model.RoleType.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /v3/feature_flags and /v3/audit_events over HTTP on an embedded capi, until the TCK can run them: tokens are user
 * names, roles and space-level events are written through the domain's ports (no spaces or roles endpoints yet).
 */
class FeatureFlagsAndAuditEventsOverHttpTest {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path blobs;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EXTERNAL = "https://api.example.org";
    private static final Map<String, Principal> TOKENS = new HashMap<>();
    private static Database database;
    private static CloudController cc;
    private static String base;
    private static String org;


    @BeforeAll
    static void start() throws Exception {
        TOKENS.put("admin", new Principal("admin", "admin", "uaa", "cf", Set.of(Principal.ADMIN)));
        TOKENS.put("auditor", new Principal("ga", "ga", "uaa", "cf", Set.of(Principal.GLOBAL_AUDITOR)));
        for (String user : List.of("writer", "sa", "sd", "ss", "sm", "oa", "om", "obm", "ou")) {
            TOKENS.put(user, new Principal(user, user, "uaa", "cf", Set.of(Principal.READ, Principal.WRITE)));
        }
        database = Database.open("jdbc:h2:mem:capi-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
        cc = CloudController.builder().database(database).blobDirectory(blobs).externalUrl(EXTERNAL)
                .settings(Settings.defaults().withFeatureFlagOverrides(Map.of("diego_docker", true)))
                .tokenVerifier(token -> {
                    Principal p = TOKENS.get(token);
                    if (p == null) {
                        throw CfException.of(CfError.InvalidAuthToken);
                    }
                    return p;
                }).build();
        base = "http://127.0.0.1:" + cc.start("127.0.0.1", 0);
        org = send("admin", "POST", "/v3/organizations", "{\"name\":\"events-org\"}").body().path("guid").asText();
        send("admin", "PATCH", "/v3/organizations/" + org, "{\"name\":\"events-org-renamed\"}");
        var roles = cc.ports().orgsAndSpaces().roles();
        Instant now = Instant.now();
        Map<String, RoleType> orgRoles = Map.of("oa", ORGANIZATION_AUDITOR, "om", ORGANIZATION_MANAGER,
                "obm", ORGANIZATION_BILLING_MANAGER, "ou", ORGANIZATION_USER);
        orgRoles.forEach((user, type) -> roles.insert(new Role(UUID.randomUUID().toString(), now, now, type, user,
                org, null)));
        Map<String, RoleType> spaceRoles = Map.of("sa", SPACE_AUDITOR, "sd", SPACE_DEVELOPER, "ss", SPACE_SUPPORTER,
                "sm", SPACE_MANAGER);
        spaceRoles.forEach((user, type) -> {
            roles.insert(new Role(UUID.randomUUID().toString(), now, now, ORGANIZATION_USER, user, org, null));
            roles.insert(new Role(UUID.randomUUID().toString(), now, now, type, user, org, "space-1"));
        });
        cc.ports().core().transactions().run(() -> cc.domain().foundation().auditEvents().record("audit.space.update",
                new AuditEvent.Actor("admin", "user", "admin"), new AuditEvent.Target("space-1", "space", "dev"),
                "space-1", org, Map.of()));
    }

    @AfterAll
    static void stop() {
        cc.close();
        database.close();
    }

    private static Answer send(String token, String method, String path, String body) {
        return ApiCalls.send(base, token, method, path, body);
    }

    private static Answer get(String token, String path) {
        return send(token, "GET", path, null);
    }

    @Test
    void listsEveryFlagByNameWithDefaultsAndPaginates() {
        Answer all = get("writer", "/v3/feature_flags");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().path("pagination").path("total_results").asInt()).isEqualTo(19);
        assertThat(all.values("name")).isSorted().contains("user_org_creation");
        JsonNode hash = all.body().path("resources").findParents("name").stream()
                .filter(r -> r.path("name").asText().equals("hash_based_routing")).findFirst().orElseThrow();
        assertThat(hash.toString()).isEqualTo("{\"name\":\"hash_based_routing\",\"enabled\":false,\"updated_at\":null,"
                + "\"custom_error_message\":null,\"links\":{\"self\":{\"href\":\"" + EXTERNAL
                + "/v3/feature_flags/hash_based_routing\"}}}");

        Answer page = get("writer", "/v3/feature_flags?order_by=-name&per_page=2&page=2");
        assertThat(page.values("name")).containsExactly("task_creation", "space_scoped_private_broker_creation");
        assertThat(page.body().path("pagination").path("next").path("href").asText())
                .isEqualTo(EXTERNAL + "/v3/feature_flags?order_by=-name&page=3&per_page=2");
    }

    @Test
    void refusesCreatedAtsAndUnknownParameters() {
        Answer created = get("writer", "/v3/feature_flags?created_ats%5Bgt%5D=2020-05-26T18:47:04Z");
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.detail()).isEqualTo(
                "The query parameter is invalid: Filtering by 'created_ats' is not allowed on this resource.");
        Answer bogus = get("writer", "/v3/feature_flags?names=x");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.detail()).isEqualTo("The query parameter is invalid: Unknown query parameter(s): 'names'. "
                + "Valid parameters are: 'page', 'per_page', 'order_by', 'guids', 'updated_ats'");
        assertThat(get("writer", "/v3/feature_flags?order_by=created_at").detail())
                .isEqualTo("The query parameter is invalid: Order by can only be: 'name'");
    }

    @Test
    void getsOneFlagOrNotFound() {
        assertThat(get("writer", "/v3/feature_flags/hide_marketplace_from_unauthenticated_users").body()
                .path("enabled").asBoolean()).isFalse();
        Answer missing = get("writer", "/v3/feature_flags/bogus");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.detail()).isEqualTo("Feature flag not found");
    }

    @Test
    void onlyAdminsPatchAndBadBodiesAreRefusedAfterThePermissionCheck() {
        assertThat(send("writer", "PATCH", "/v3/feature_flags/route_sharing", "{\"enabled\":true}").status())
                .isEqualTo(403);
        assertThat(send("writer", "PATCH", "/v3/feature_flags/route_sharing", "{\"enabled\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(send("writer", "PATCH", "/v3/feature_flags/bogus", "{}").status()).isEqualTo(404);
        Answer bad = send("admin", "PATCH", "/v3/feature_flags/route_sharing",
                "{\"enabled\":\"x\",\"custom_error_message\":\"\",\"foo\":1}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.detail()).isEqualTo("Unknown field(s): 'foo', Enabled must be a boolean, "
                + "Custom error message is too short (minimum is 1 character)");
        assertThat(send("admin", "PATCH", "/v3/feature_flags/route_sharing",
                "{\"custom_error_message\":\"" + "x".repeat(251) + "\"}").detail())
                .isEqualTo("Custom error message is too long (maximum is 250 characters)");
        assertThat(send("admin", "PATCH", "/v3/feature_flags/route_sharing", "{\"custom_error_message\":5}")
                .detail()).isEqualTo("Custom error message must be a string");

        Answer ok = send("admin", "PATCH", "/v3/feature_flags/route_sharing",
                "{\"enabled\":true,\"custom_error_message\":\"ask ops\"}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().path("enabled").asBoolean()).isTrue();
        assertThat(ok.body().path("custom_error_message").asText()).isEqualTo("ask ops");
        assertThat(ok.body().path("updated_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(ok.raw().headers().firstValue("X-Cf-Warnings")).isEmpty();
        Answer cleared = send("admin", "PATCH", "/v3/feature_flags/route_sharing",
                "{\"custom_error_message\":null}");
        assertThat(cleared.body().path("custom_error_message").isNull()).isTrue();
        assertThat(cleared.body().path("enabled").asBoolean()).isTrue();
        assertThat(get("writer", "/v3/feature_flags?updated_ats%5Bgte%5D=2020-01-01T00:00:00Z").values("name"))
                .contains("route_sharing", "diego_docker").doesNotContain("app_scaling");
    }

    @Test
    void configOverridesApplyAtBootAndPatchingThemWarns() {
        assertThat(get("writer", "/v3/feature_flags/diego_docker").body().path("enabled").asBoolean()).isTrue();
        Answer r = send("admin", "PATCH", "/v3/feature_flags/diego_docker", "{\"enabled\":true}");
        assertThat(r.raw().headers().firstValue("X-Cf-Warnings")).hasValue("The+feature+flag+has+an+override+"
                + "configured+in+the+bosh+manifest+and+can+be+overwritten+when+the+deployment+is+updated.");
    }

    @Test
    void userOrgCreationDecidesWhetherNonAdminsMayCreateOrganizations() {
        assertThat(send("writer", "POST", "/v3/organizations", "{\"name\":\"by-writer-1\"}").status())
                .isEqualTo(403);
        send("admin", "PATCH", "/v3/feature_flags/user_org_creation", "{\"enabled\":true}");
        try {
            assertThat(send("writer", "POST", "/v3/organizations", "{\"name\":\"by-writer-2\"}").status())
                    .isEqualTo(201);
            assertThat(send("auditor", "POST", "/v3/organizations", "{\"name\":\"by-auditor\"}").status())
                    .isEqualTo(403);
        } finally {
            send("admin", "PATCH", "/v3/feature_flags/user_org_creation", "{\"enabled\":false}");
        }
        assertThat(send("writer", "POST", "/v3/organizations", "{\"name\":\"by-writer-3\"}").status())
                .isEqualTo(403);
    }

    @Test
    void organizationChangesAppearAsAuditEvents() {
        Answer r = get("admin", "/v3/audit_events?target_guids=" + org + "&order_by=created_at");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.values("type")).containsExactly("audit.organization.create", "audit.organization.update");
        JsonNode created = r.body().path("resources").get(0);
        assertThat(created.path("actor").toString()).isEqualTo("{\"guid\":\"admin\",\"type\":\"user\",\"name\":\"admin\"}");
        assertThat(created.path("target").toString()).isEqualTo(
                "{\"guid\":\"" + org + "\",\"type\":\"organization\",\"name\":\"events-org\"}");
        assertThat(created.path("data").path("request").path("name").asText()).isEqualTo("events-org");
        assertThat(created.path("space").isNull()).isTrue();
        assertThat(created.path("organization").toString()).isEqualTo("{\"guid\":\"" + org + "\"}");
        assertThat(created.path("updated_at").asText()).isEqualTo(created.path("created_at").asText());
        String guid = created.path("guid").asText();
        assertThat(created.path("links").path("self").path("href").asText())
                .isEqualTo(EXTERNAL + "/v3/audit_events/" + guid);
        assertThat(get("admin", "/v3/audit_events/" + guid).body()).isEqualTo(created);

        assertThat(get("admin", "/v3/audit_events?types=audit.organization.update&organization_guids=" + org)
                .values("type")).containsExactly("audit.organization.update");
        assertThat(get("admin", "/v3/audit_events?target_guids%5Bnot%5D=" + org).values("target"))
                .noneMatch(t -> t.contains(org));
        assertThat(get("admin", "/v3/audit_events?space_guids=space-1").values("type"))
                .containsExactly("audit.space.update");
        assertThat(get("admin", "/v3/audit_events?created_ats%5Blt%5D=2000-01-01T00:00:00Z").values("guid")).isEmpty();
    }

    @Test
    void refusesBadAuditEventQueries() {
        assertThat(get("admin", "/v3/audit_events?target_guids%5Bin%5D=x").detail())
                .isEqualTo("The query parameter is invalid: Target guids target_guids has an invalid operator");
        assertThat(get("admin", "/v3/audit_events?actor=x").detail()).isEqualTo(
                "The query parameter is invalid: Unknown query parameter(s): 'actor'. Valid parameters are: 'page', "
                        + "'per_page', 'order_by', 'guids', 'types', 'target_guids', 'space_guids', "
                        + "'organization_guids', 'created_ats', 'updated_ats'");
        Answer missing = get("admin", "/v3/audit_events/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.detail()).isEqualTo("Event not found");
    }

    @Test
    void eachRoleSeesTheEventsBehaviourMdGrantsIt() {
        Map<String, List<String>> expected = Map.of(
                "auditor", List.of("audit.organization.create", "audit.organization.update", "audit.space.update"),
                "oa", List.of("audit.organization.create", "audit.organization.update", "audit.space.update"),
                "sa", List.of("audit.space.update"), "sd", List.of("audit.space.update"),
                "ss", List.of("audit.space.update"),
                "sm", List.of(), "om", List.of(), "obm", List.of(), "ou", List.of());
        String spaceEvent = get("admin", "/v3/audit_events?space_guids=space-1").values("guid").get(0);
        expected.forEach((user, types) -> {
            Answer r = get(user, "/v3/audit_events?organization_guids=" + org);
            assertThat(r.values("type")).as(user).containsExactlyInAnyOrderElementsOf(types);
            assertThat(get(user, "/v3/audit_events/" + spaceEvent).status()).as(user)
                    .isEqualTo(types.contains("audit.space.update") ? 200 : 404);
        });
    }
}
