package dev.capi.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.server.support.ApiCalls;
import dev.capi.server.support.ApiCalls.Answer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capi.domain.Settings;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.model.Metadata;
import dev.capi.model.Space;
import dev.capi.persistence.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /v3/users and /v3/roles over HTTP on an embedded capi, until the TCK can run them: tokens are user names, spaces
 * are written through the domain's port (no spaces endpoint yet); every role is granted through POST /v3/roles.
 */
class UsersAndRolesOverHttpTest {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path blobs;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EXTERNAL = "https://api.example.org";
    private static final Map<String, Principal> TOKENS = new ConcurrentHashMap<>();
    private static final List<String> MEMBERS = List.of("om", "oa", "obm", "ou", "sm", "sd", "sa", "ss");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Database database;
    private static CloudController cc;
    private static String base;
    private static String org;
    private static String space;


    @BeforeAll
    static void start() {
        TOKENS.put("admin", new Principal("admin", "admin", "uaa", "cf", Set.of(Principal.ADMIN)));
        TOKENS.put("aro", new Principal("aro", "aro-name", "uaa", "cf", Set.of(Principal.ADMIN_READ_ONLY)));
        TOKENS.put("ga", new Principal("ga", "ga-name", "uaa", "cf", Set.of(Principal.GLOBAL_AUDITOR)));
        for (String user : List.of("om", "oa", "obm", "ou", "sm", "sd", "sa", "ss", "none")) {
            TOKENS.put(user, new Principal(user, user + "-name", "uaa", "cf", Set.of(Principal.READ, Principal.WRITE)));
        }
        database = Database.open("jdbc:h2:mem:capi-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
        cc = CloudController.builder().database(database).blobDirectory(blobs).externalUrl(EXTERNAL).settings(Settings.defaults())
                .jobPollMillis(20)
                .tokenVerifier(token -> {
                    Principal p = TOKENS.get(token);
                    if (p == null) {
                        throw CfException.of(CfError.InvalidAuthToken);
                    }
                    return p;
                }).build();
        base = "http://127.0.0.1:" + cc.start("127.0.0.1", 0);
        org = send("admin", "POST", "/v3/organizations", "{\"name\":\"roles-org\"}").body().path("guid").asText();
        space = newSpace(org, "roles-space");
        TOKENS.keySet().forEach(t -> get(t, "/v3/users"));
        Map<String, String> orgRoles = Map.of("om", "organization_manager", "oa", "organization_auditor",
                "obm", "organization_billing_manager", "ou", "organization_user");
        orgRoles.forEach((user, type) -> grant(type, user, "organization", org));
        Map<String, String> spaceRoles = Map.of("sm", "space_manager", "sd", "space_developer", "sa", "space_auditor",
                "ss", "space_supporter");
        spaceRoles.forEach((user, type) -> {
            grant("organization_user", user, "organization", org);
            grant(type, user, "space", space);
        });
    }

    @AfterAll
    static void stop() {
        cc.close();
        database.close();
    }

    private static String newSpace(String orgGuid, String name) {
        Instant now = Instant.now();
        String guid = UUID.randomUUID().toString();
        cc.ports().orgsAndSpaces().spaces().insert(new Space(guid, now, now, name, orgGuid, false, true, null, null,
                Metadata.empty()));
        return guid;
    }

    private static String fresh(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet();
    }

    private static String roleBody(String type, String userGuid, String relation, String target) {
        return "{\"type\":\"" + type + "\",\"relationships\":{\"user\":{\"data\":{\"guid\":\"" + userGuid + "\"}},\""
                + relation + "\":{\"data\":{\"guid\":\"" + target + "\"}}}}";
    }

    private static String byUsername(String type, String username, String origin, String relation, String target) {
        String user = "\"username\":\"" + username + "\"" + (origin == null ? "" : ",\"origin\":\"" + origin + "\"");
        return "{\"type\":\"" + type + "\",\"relationships\":{\"user\":{\"data\":{" + user + "}},\"" + relation
                + "\":{\"data\":{\"guid\":\"" + target + "\"}}}}";
    }

    private static JsonNode grant(String type, String userGuid, String relation, String target) {
        Answer r = send("admin", "POST", "/v3/roles", roleBody(type, userGuid, relation, target));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body();
    }

    private static Answer send(String token, String method, String path, String body) {
        return ApiCalls.send(base, token, method, path, body);
    }

    private static Answer get(String token, String path) {
        return send(token, "GET", path, null);
    }

    /** Waits for the job a 202 pointed to and returns it. */
    private static JsonNode awaitJob(Answer accepted) {
        String location = accepted.raw().headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(EXTERNAL + "/v3/jobs/");
        String path = location.substring(EXTERNAL.length());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = get("admin", path).body();
            if (!job.path("state").asText().equals("PROCESSING")) {
                return job;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job did not finish: " + location);
    }

    /** Runs {@code request} as each token and compares statuses with the expectation (default, then overrides). */
    private static void matrix(int byDefault, Map<String, Integer> overrides,
                               java.util.function.Function<String, Answer> request) {
        Map<String, String> mismatches = new LinkedHashMap<>();
        for (String token : List.of("admin", "aro", "ga", "om", "oa", "obm", "ou", "sm", "sd", "sa", "ss", "none")) {
            Answer r = request.apply(token);
            int expected = overrides.getOrDefault(token, byDefault);
            if (r.status() != expected) {
                mismatches.put(token, "expected " + expected + " got " + r.status() + " " + r.body());
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void createsAnOrganizationRoleAndPresentsItAsTheReference() {
        String user = fresh("target");
        Answer r = send("admin", "POST", "/v3/roles", roleBody("organization_auditor", user, "organization", org));
        assertThat(r.status()).isEqualTo(201);
        JsonNode role = r.body();
        String guid = role.path("guid").asText();
        assertThat(role.path("type").asText()).isEqualTo("organization_auditor");
        assertThat(role.path("relationships").toString()).isEqualTo("{\"user\":{\"data\":{\"guid\":\"" + user
                + "\"}},\"organization\":{\"data\":{\"guid\":\"" + org + "\"}},\"space\":{\"data\":null}}");
        assertThat(role.path("links").toString()).isEqualTo("{\"self\":{\"href\":\"" + EXTERNAL + "/v3/roles/" + guid
                + "\"},\"user\":{\"href\":\"" + EXTERNAL + "/v3/users/" + user + "\"},\"organization\":{\"href\":\""
                + EXTERNAL + "/v3/organizations/" + org + "\"}}");
        assertThat(get("admin", "/v3/roles/" + guid).body()).isEqualTo(role);
        assertThat(get("admin", "/v3/users/" + user).status()).as("the user row is created").isEqualTo(200);

        JsonNode event = get("admin", "/v3/audit_events?types=audit.user.organization_auditor_add&target_guids=" + user)
                .body().path("resources").get(0);
        assertThat(event.path("target").toString())
                .isEqualTo("{\"guid\":\"" + user + "\",\"type\":\"user\",\"name\":\"\"}");
        assertThat(event.path("organization").path("guid").asText()).isEqualTo(org);
        assertThat(event.path("space").isNull()).isTrue();
        assertThat(event.path("data").path("request").path("type").asText()).isEqualTo("organization_auditor");
        assertThat(event.path("data").path("request").path("relationships").path("user").path("data")
                .path("guid").asText()).isEqualTo(user);

        Answer again = send("admin", "POST", "/v3/roles", roleBody("organization_auditor", user, "organization", org));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.detail()).isEqualTo("User '" + user + "' already has 'organization_auditor' role in "
                + "organization 'roles-org'.");
    }

    @Test
    void orgRolesAreCreatedByAdminsAndOrgManagersOnly() {
        matrix(403, Map.of("admin", 201, "om", 201), token -> send(token, "POST", "/v3/roles",
                roleBody("organization_billing_manager", fresh("ob"), "organization", org)));
        Answer missing = send("admin", "POST", "/v3/roles", roleBody("organization_user", "u", "organization", "nope"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.detail())
                .isEqualTo("Invalid organization. Ensure that the organization exists and you have access to it.");
    }

    @Test
    void spaceRolesAreCreatedBySpaceManagersOrgManagersAndAdmins() {
        matrix(403, Map.of("admin", 201, "om", 201, "sm", 201), token -> {
            String user = fresh("member");
            grant("organization_user", user, "organization", org);
            return send(token, "POST", "/v3/roles", roleBody("space_auditor", user, "space", space));
        });
        Answer r = send("admin", "POST", "/v3/roles", roleBody("space_developer", "sd", "space", space));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.detail()).isEqualTo("User 'sd-name' already has 'space_developer' role in space 'roles-space'.");
        Answer missing = send("admin", "POST", "/v3/roles", roleBody("space_developer", "sd", "space", "nope"));
        assertThat(missing.detail()).isEqualTo("Invalid space. Ensure that the space exists and you have access to it.");
    }

    @Test
    void spaceRolesNeedTheOrganizationUserRole() {
        String user = fresh("outsider");
        grant("organization_auditor", user, "organization", org);
        Answer r = send("admin", "POST", "/v3/roles", roleBody("space_developer", user, "space", space));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.detail()).isEqualTo("Users cannot be assigned roles in a space if they do not have a role in "
                + "that space's organization.");
        Answer unknown = send("admin", "POST", "/v3/roles", roleBody("space_developer", "ghost", "space", space));
        assertThat(unknown.detail()).isEqualTo(r.detail());
        assertThat(get("admin", "/v3/users/ghost").status()).isEqualTo(404);
    }

    @Test
    void spaceRoleEventsCarryTheSpaceAndItsOrganization() {
        String user = fresh("dev");
        grant("organization_user", user, "organization", org);
        send("om", "POST", "/v3/roles", roleBody("space_developer", user, "space", space));
        JsonNode event = get("admin", "/v3/audit_events?types=audit.user.space_developer_add&target_guids=" + user)
                .body().path("resources").get(0);
        assertThat(event.path("actor").toString())
                .isEqualTo("{\"guid\":\"om\",\"type\":\"user\",\"name\":\"om-name\"}");
        assertThat(event.path("space").path("guid").asText()).isEqualTo(space);
        assertThat(event.path("organization").path("guid").asText()).isEqualTo(org);
    }

    @Test
    void refusesBadBodiesWithTheReferenceTexts() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{}", "Relationships 'relationships' is not an object, Type must be one of the allowed types "
                + "[\"organization_auditor\", \"organization_manager\", \"organization_billing_manager\", "
                + "\"organization_user\", \"space_auditor\", \"space_manager\", \"space_developer\", "
                + "\"space_supporter\"]");
        cases.put("{\"type\":\"space_auditor\",\"relationships\":{}}",
                "Relationships 'relationships' must include one or more valid relationships");
        cases.put("{\"type\":\"organization_user\",\"relationships\":{\"user\":{\"data\":{\"guid\":\"u\"}},"
                + "\"space\":{\"data\":{\"guid\":\"s\"}}}}",
                "Relationships Space cannot be provided with the organization role type: 'organization_user'.");
        cases.put("{\"type\":\"space_auditor\",\"relationships\":{\"user\":{\"data\":{\"guid\":null}},"
                + "\"space\":{\"data\":{\"guid\":\"s\"}}}}",
                "Relationships User guid must be a string, Relationships User guid must be between 1 and 200 characters");
        cases.put("{\"type\":\"space_auditor\",\"relationships\":{\"user\":{\"data\":{\"guid\":\"u\",\"origin\":\"o\"}},"
                + "\"space\":{\"data\":{\"guid\":\"s\"}}}}",
                "Relationships User origin cannot be specified when identifying user by guid, Relationships User "
                        + "origin cannot be specified without specifying the username");
        cases.put("{\"type\":\"space_auditor\",\"relationships\":{\"space\":{\"data\":{\"guid\":\"s\"}}}}",
                "Relationships User can't be blank, Relationships User must have a username or guid specified");
        cases.put("{\"type\":\"space_auditor\",\"relationships\":{\"user\":{\"data\":{\"guid\":\"u\"}}}}",
                "Relationships must specify either a space or an organization.");
        cases.put("{\"type\":\"space_auditor\",\"relationships\":{\"user\":{\"data\":{\"guid\":\"u\"}},"
                + "\"space\":{\"data\":{\"guid\":\"s\"},\"x\":1}}}",
                "Relationships Space must be structured like this: \"space: {\"data\": {\"guid\": \"valid-guid\"}}\"");
        cases.put("{\"type\":\"x\",\"bogus\":1,\"relationships\":{\"user\":{\"data\":{\"guid\":\"u\"}},"
                + "\"organization\":{\"data\":{\"guid\":\"o\"}}}}",
                "Unknown field(s): 'bogus', Type must be one of the allowed types [\"organization_auditor\", "
                        + "\"organization_manager\", \"organization_billing_manager\", \"organization_user\", "
                        + "\"space_auditor\", \"space_manager\", \"space_developer\", \"space_supporter\"]");
        long before = get("admin", "/v3/roles").body().path("pagination").path("total_results").asLong();
        cases.forEach((body, detail) -> {
            Answer r = send("admin", "POST", "/v3/roles", body);
            assertThat(r.status()).as(body).isEqualTo(422);
            assertThat(r.detail()).as(body).isEqualTo(detail);
        });
        assertThat(send("admin", "POST", "/v3/roles", "{not json").status()).isEqualTo(400);
        assertThat(get("admin", "/v3/roles").body().path("pagination").path("total_results").asLong())
                .isEqualTo(before);
    }

    @Test
    void rolesByUsernameResolveAgainstKnownUsers() {
        Answer r = send("admin", "POST", "/v3/roles", byUsername("organization_auditor", "oa-name", null,
                "organization", newOrg()));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("relationships").path("user").path("data").path("guid").asText()).isEqualTo("oa");
        Answer unknown = send("admin", "POST", "/v3/roles", byUsername("organization_auditor", "nobody", null,
                "organization", org));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.detail()).isEqualTo("No user exists with the username 'nobody'.");
        Answer withOrigin = send("admin", "POST", "/v3/roles", byUsername("organization_auditor", "nobody", "ldap",
                "organization", org));
        assertThat(withOrigin.detail()).isEqualTo("No user exists with the username 'nobody' and origin 'ldap'.");
        Answer space = send("admin", "POST", "/v3/roles", byUsername("space_auditor", "nobody", null, "space",
                UsersAndRolesOverHttpTest.space));
        assertThat(space.detail()).startsWith("Users cannot be assigned roles in a space");

        String twice = fresh("twin");
        send("admin", "POST", "/v3/users", "{\"username\":\"" + twice + "\",\"origin\":\"ldap\"}");
        send("admin", "POST", "/v3/users", "{\"username\":\"" + twice + "\",\"origin\":\"okta\"}");
        Answer ambiguous = send("admin", "POST", "/v3/roles", byUsername("organization_user", twice, null,
                "organization", org));
        assertThat(ambiguous.detail()).isEqualTo("Ambiguous user. User with username '" + twice + "' exists in the "
                + "following origins: ldap, okta. Specify an origin to disambiguate.");
        assertThat(send("admin", "POST", "/v3/roles", byUsername("organization_user", twice, "okta",
                "organization", org)).status()).isEqualTo(201);
    }

    @Test
    void settingRolesByUsernameFollowsTheFeatureFlagExceptForAdmins() {
        send("admin", "PATCH", "/v3/feature_flags/set_roles_by_username", "{\"enabled\":false}");
        try {
            String target = newOrg();
            grant("organization_manager", "om", "organization", target);
            Answer om = send("om", "POST", "/v3/roles", byUsername("organization_auditor", "oa-name", null,
                    "organization", target));
            assertThat(om.status()).isEqualTo(403);
            assertThat(om.body().path("errors").path(0).path("title").asText()).isEqualTo("CF-FeatureDisabled");
            assertThat(send("admin", "POST", "/v3/roles", byUsername("organization_auditor", "oa-name", null,
                    "organization", target)).status()).isEqualTo(201);
        } finally {
            send("admin", "PATCH", "/v3/feature_flags/set_roles_by_username", "{\"enabled\":true}");
        }
    }

    private static String newOrg() {
        return send("admin", "POST", "/v3/organizations", "{\"name\":\"" + fresh("org") + "\"}").body().path("guid")
                .asText();
    }

    /** The members' roles in the shared org and space that {@code token} sees. */
    private static List<String> sharedRolesSeenBy(String token) {
        List<String> types = new ArrayList<>();
        get(token, "/v3/roles?per_page=500&user_guids=" + String.join(",", MEMBERS)).body().path("resources")
                .forEach(r -> {
                    JsonNode rel = r.path("relationships");
                    if (org.equals(rel.path("organization").path("data").path("guid").asText())
                            || space.equals(rel.path("space").path("data").path("guid").asText())) {
                        types.add(r.path("type").asText());
                    }
                });
        return types;
    }

    @Test
    void eachRoleSeesTheRolesOfWhatItCanRead() {
        // 4 org roles, and 4 space roles whose holders also hold organization_user
        for (String token : List.of("admin", "aro", "ga", "om", "sm", "sd", "sa", "ss")) {
            assertThat(sharedRolesSeenBy(token)).as(token).hasSize(12);
        }
        for (String token : List.of("oa", "obm", "ou")) {
            assertThat(sharedRolesSeenBy(token)).as(token).hasSize(8).allMatch(t -> t.startsWith("organization_"));
        }
        assertThat(sharedRolesSeenBy("none")).isEmpty();
        String spaceRole = get("admin", "/v3/roles?types=space_auditor&user_guids=sa").values("guid").get(0);
        matrix(200, Map.of("oa", 404, "obm", 404, "ou", 404, "none", 404),
                token -> get(token, "/v3/roles/" + spaceRole));
        String orgRole = get("admin", "/v3/roles?types=organization_auditor&user_guids=oa").values("guid").get(0);
        matrix(200, Map.of("none", 404), token -> get(token, "/v3/roles/" + orgRole));
    }

    @Test
    void listsFilterOrderAndLinkAsTheReference() {
        Answer orgRoles = get("admin", "/v3/roles?organization_guids=" + org + "&user_guids=sd");
        assertThat(orgRoles.values("type")).containsExactly("organization_user");
        Answer spaceRoles = get("admin", "/v3/roles?space_guids=" + space + "&types=space_developer,space_auditor"
                + "&per_page=1");
        assertThat(spaceRoles.values("type")).hasSize(1);
        JsonNode pagination = spaceRoles.body().path("pagination");
        assertThat(pagination.path("first").path("href").asText()).isEqualTo(EXTERNAL + "/v3/roles?order_by=%2B"
                + "created_at&page=1&per_page=1&space_guids=" + space + "&types=space_developer%2Cspace_auditor");
        assertThat(pagination.path("total_results").asInt()).isGreaterThanOrEqualTo(2);
        Answer bad = get("admin", "/v3/roles?bogus=1");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.detail()).isEqualTo("Unknown query parameter(s): 'bogus'. Valid parameters are: 'page', "
                + "'per_page', 'order_by', 'guids', 'types', 'organization_guids', 'space_guids', 'user_guids', "
                + "'include', 'created_ats', 'updated_ats'");
        assertThat(get("admin", "/v3/roles?include=apps").detail()).isEqualTo("Invalid included resource: 'apps'. "
                + "Valid included resources are: 'user', 'organization', 'space'");
        Answer badShow = get("admin", "/v3/roles/x?include=apps");
        assertThat(badShow.status()).isEqualTo(422);
        Answer missing = get("admin", "/v3/roles/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.detail()).isEqualTo("Role not found");
    }

    @Test
    void includesUsersOrganizationsAndSpaces() {
        Answer r = get("admin", "/v3/roles?user_guids=sd&include=user,organization,space");
        JsonNode included = r.body().path("included");
        assertThat(included.path("users").findValuesAsText("guid")).containsExactly("sd");
        assertThat(included.path("users").get(0).path("username").asText()).isEqualTo("sd-name");
        assertThat(included.path("organizations")).extracting(o -> o.path("guid").asText()).containsExactly(org);
        JsonNode spaceJson = included.path("spaces").get(0);
        assertThat(spaceJson.path("guid").asText()).isEqualTo(space);
        assertThat(spaceJson.path("links").path("apply_manifest").toString()).isEqualTo("{\"href\":\"" + EXTERNAL
                + "/v3/spaces/" + space + "/actions/apply_manifest\",\"method\":\"POST\"}");
        String orgRole = get("admin", "/v3/roles?user_guids=sd&types=organization_user").values("guid").get(0);
        JsonNode single = get("admin", "/v3/roles/" + orgRole + "?include=space,user").body();
        assertThat(single.path("included").path("spaces").isArray()).isTrue();
        assertThat(single.path("included").path("spaces")).isEmpty();
        assertThat(single.path("included").path("users")).hasSize(1);
        assertThat(single.path("included").has("organizations")).isFalse();
    }

    @Test
    void deletesRolesAsynchronouslyWithTheReferenceRules() {
        String user = fresh("leaver");
        String orgUser = grant("organization_user", user, "organization", org).path("guid").asText();
        String spaceRole = grant("space_auditor", user, "space", space).path("guid").asText();
        Answer blocked = send("admin", "DELETE", "/v3/roles/" + orgUser, null);
        assertThat(blocked.status()).isEqualTo(422);
        assertThat(blocked.detail()).isEqualTo("Cannot delete organization_user role while user has roles in spaces "
                + "in that organization.");
        matrix(403, Map.of("admin", 202, "om", 202, "sm", 202, "oa", 404, "obm", 404, "ou", 404, "none", 404),
                token -> {
                    if (!token.equals("admin") && !token.equals("om") && !token.equals("sm")) {
                        return send(token, "DELETE", "/v3/roles/" + spaceRole, null);
                    }
                    String fresh = grant("space_supporter", user, "space", space).path("guid").asText();
                    Answer r = send(token, "DELETE", "/v3/roles/" + fresh, null);
                    if (r.status() == 202) {
                        JsonNode job = awaitJob(r);
                        assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
                        assertThat(job.path("operation").asText()).isEqualTo("role.delete");
                    }
                    return r;
                });
        Answer accepted = send("admin", "DELETE", "/v3/roles/" + spaceRole, null);
        assertThat(awaitJob(accepted).path("state").asText()).isEqualTo("COMPLETE");
        assertThat(get("admin", "/v3/roles/" + spaceRole).status()).isEqualTo(404);
        assertThat(get("admin", "/v3/audit_events?types=audit.user.space_auditor_remove&target_guids=" + user)
                .values("type")).hasSize(1);
        assertThat(awaitJob(send("admin", "DELETE", "/v3/roles/" + orgUser, null)).path("state").asText())
                .isEqualTo("COMPLETE");
    }

    @Test
    void usersSeeThemselvesAndTheirOrganizationsMembers() {
        List<String> everyone = new ArrayList<>(MEMBERS);
        Answer mine = get("ou", "/v3/users?guids=" + String.join(",", everyone) + ",none,admin");
        assertThat(mine.values("guid")).containsExactlyInAnyOrderElementsOf(everyone);
        assertThat(get("none", "/v3/users?guids=" + String.join(",", everyone) + ",none").values("guid"))
                .containsExactly("none");
        assertThat(get("ga", "/v3/users?guids=none,om").values("guid")).containsExactlyInAnyOrder("none", "om");
        matrix(200, Map.of("none", 404), token -> get(token, "/v3/users/om"));
        JsonNode om = get("om", "/v3/users/om").body();
        assertThat(om.toString()).isEqualTo("{\"guid\":\"om\",\"created_at\":\"" + om.path("created_at").asText()
                + "\",\"updated_at\":\"" + om.path("updated_at").asText() + "\",\"username\":\"om-name\","
                + "\"presentation_name\":\"om-name\",\"origin\":\"uaa\",\"metadata\":{\"labels\":{},"
                + "\"annotations\":{}},\"links\":{\"self\":{\"href\":\"" + EXTERNAL + "/v3/users/om\"}}}");
        assertThat(get("admin", "/v3/users?usernames=om-name,sd-name").values("guid")).containsExactlyInAnyOrder("om", "sd");
        assertThat(get("admin", "/v3/users?partial_usernames=M-NA&origins=uaa").values("guid"))
                .containsExactlyInAnyOrder("om", "obm", "sm");
        Answer origins = get("admin", "/v3/users?origins=uaa");
        assertThat(origins.status()).isEqualTo(422);
        assertThat(origins.detail())
                .isEqualTo("Origins filter cannot be provided without usernames or partial_usernames filter.");
        assertThat(get("admin", "/v3/users?bogus=1").status()).isEqualTo(422);
        assertThat(get("admin", "/v3/users/nope").detail()).isEqualTo("User not found");
    }

    @Test
    void organizationAndSpaceMembersAreListed() {
        Answer orgUsers = get("ou", "/v3/organizations/" + org + "/users?per_page=100&guids="
                + String.join(",", MEMBERS));
        assertThat(orgUsers.values("guid")).containsExactlyInAnyOrderElementsOf(MEMBERS);
        Answer spaceUsers = get("sa", "/v3/spaces/" + space + "/users?guids=" + String.join(",", MEMBERS));
        assertThat(spaceUsers.values("guid")).containsExactlyInAnyOrder("sm", "sd", "sa", "ss");
        assertThat(spaceUsers.body().path("pagination").path("first").path("href").asText())
                .startsWith(EXTERNAL + "/v3/spaces/" + space + "/users?guids=");
        assertThat(get("none", "/v3/organizations/" + org + "/users").status()).isEqualTo(404);
        assertThat(get("ou", "/v3/spaces/" + space + "/users").status()).isEqualTo(404);
        assertThat(get("none", "/v3/spaces/" + space + "/users").detail()).isEqualTo("Space not found");
        Answer bad = get("admin", "/v3/organizations/" + org + "/users?bogus=1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").path(0).path("title").asText()).isEqualTo("CF-BadQueryParameter");
    }

    @Test
    void createsUsersByGuidOrByUsernameAndOrigin() {
        String guid = fresh("new-user");
        Answer created = send("admin", "POST", "/v3/users", "{\"guid\":\"" + guid
                + "\",\"metadata\":{\"labels\":{\"potato\":\"yam\"}}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("presentation_name").asText()).isEqualTo(guid);
        assertThat(created.body().path("username").isNull()).isTrue();
        assertThat(created.body().path("metadata").path("labels").path("potato").asText()).isEqualTo("yam");
        Answer dup = send("admin", "POST", "/v3/users", "{\"guid\":\"" + guid + "\"}");
        assertThat(dup.status()).isEqualTo(422);
        assertThat(dup.detail()).isEqualTo("User with guid '" + guid + "' already exists.");
        Answer shadow = send("admin", "POST", "/v3/users", "{\"username\":\"shadow\",\"origin\":\"idp.local\"}");
        assertThat(shadow.status()).isEqualTo(201);
        assertThat(shadow.body().path("username").asText()).isEqualTo("shadow");
        assertThat(shadow.body().path("origin").asText()).isEqualTo("idp.local");
        assertThat(send("admin", "POST", "/v3/users", "{\"username\":\"shadow\",\"origin\":\"idp.local\"}").detail())
                .isEqualTo("User with username 'shadow' and origin 'idp.local' already exists.");
        assertThat(send("admin", "POST", "/v3/users", "{\"guid\":555}").detail())
                .isEqualTo("Guid must be a string, Guid must be between 1 and 200 characters");
        assertThat(send("admin", "POST", "/v3/users", "{}").detail())
                .isEqualTo("Guid or 'username' and 'origin' must be provided");
        assertThat(send("admin", "POST", "/v3/users", "{\"username\":\"x\",\"origin\":\"uaa\"}").detail())
                .isEqualTo("Origin cannot be 'uaa' when creating a user by username");
        assertThat(send("admin", "POST", "/v3/users", "{\"guid\":\"g\",\"username\":\"x\"}").detail())
                .isEqualTo("Username cannot be provided with 'guid'");
        matrix(403, Map.of("admin", 201), token -> send(token, "POST", "/v3/users",
                "{\"guid\":\"" + fresh("by-" + token) + "\"}"));
        assertThat(send("om", "POST", "/v3/users", "{\"guid\":5}").status()).as("403 before 422").isEqualTo(403);
    }

    @Test
    void updatesUserMetadataAsAdminOnly() {
        matrix(403, Map.of("admin", 200, "none", 404), token -> send(token, "PATCH", "/v3/users/ou",
                "{\"metadata\":{\"labels\":{\"by\":\"" + token + "\"}}}"));
        Answer bad = send("admin", "PATCH", "/v3/users/ou", "{\"username\":\"x\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.detail()).isEqualTo("Unknown field(s): 'username'");
        assertThat(send("sd", "PATCH", "/v3/users/ou", "{\"username\":\"x\"}").status()).isEqualTo(403);
        assertThat(get("admin", "/v3/users?label_selector=by=admin").values("guid")).containsExactly("ou");
    }

    @Test
    void deletesUsersWithTheirRolesAsAdminOnly() {
        String user = fresh("doomed");
        grant("organization_user", user, "organization", org);
        grant("space_developer", user, "space", space);
        matrix(403, Map.of("admin", 202, "none", 404), token -> {
            if (!token.equals("admin")) {
                return send(token, "DELETE", "/v3/users/" + user, null);
            }
            return new Answer(202, JSON.createObjectNode(), null);
        });
        Answer accepted = send("admin", "DELETE", "/v3/users/" + user, null);
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode job = awaitJob(accepted);
        assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
        assertThat(job.path("operation").asText()).isEqualTo("user.delete");
        assertThat(get("admin", "/v3/users/" + user).status()).isEqualTo(404);
        assertThat(get("admin", "/v3/roles?user_guids=" + user).values("guid")).isEmpty();
    }
}
