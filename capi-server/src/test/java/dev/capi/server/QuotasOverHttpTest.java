package dev.capi.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.server.support.ApiCalls;
import dev.capi.server.support.ApiCalls.Answer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.model.Metadata;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.model.Space;
import dev.capi.persistence.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.capi.model.RoleType.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organization quotas, space quotas and usage summaries over HTTP on an embedded capi, until the TCK can run them:
 * tokens are user names; spaces and roles are written through the domain's ports (no spaces or roles endpoints yet).
 */
class QuotasOverHttpTest {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path blobs;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EXTERNAL = "https://api.example.org";
    private static final Map<String, Principal> TOKENS = new HashMap<>();
    /** Every non-admin identity of the matrix, by token. */
    private static final List<String> USERS = List.of("aro", "ga", "om", "oa", "obm", "ou", "sm", "sd", "sa", "ss",
            "nobody");
    private static Database database;
    private static CloudController cc;
    private static String base;
    private static String org;
    private static String otherOrg;


    @BeforeAll
    static void start() {
        TOKENS.put("admin", new Principal("admin", "admin", "uaa", "cf", Set.of(Principal.ADMIN)));
        TOKENS.put("aro", new Principal("aro", "aro", "uaa", "cf", Set.of(Principal.ADMIN_READ_ONLY)));
        TOKENS.put("ga", new Principal("ga", "ga", "uaa", "cf", Set.of(Principal.GLOBAL_AUDITOR)));
        for (String user : List.of("om", "oa", "obm", "ou", "sm", "sd", "sa", "ss", "nobody")) {
            TOKENS.put(user, new Principal(user, user, "uaa", "cf", Set.of(Principal.READ, Principal.WRITE)));
        }
        database = Database.open("jdbc:h2:mem:capi-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
        cc = CloudController.builder().database(database).blobDirectory(blobs).externalUrl(EXTERNAL).jobPollMillis(50)
                .tokenVerifier(token -> {
                    Principal p = TOKENS.get(token);
                    if (p == null) {
                        throw CfException.of(CfError.InvalidAuthToken);
                    }
                    return p;
                }).build();
        base = "http://127.0.0.1:" + cc.start("127.0.0.1", 0);
        org = send("admin", "POST", "/v3/organizations", "{\"name\":\"quota-org\"}").body().path("guid").asText();
        otherOrg = send("admin", "POST", "/v3/organizations", "{\"name\":\"other-org\"}").body().path("guid").asText();
        space("space-1", org);
        space("space-2", org);
        space("space-x", otherOrg);
        Map<String, RoleType> orgRoles = Map.of("oa", ORGANIZATION_AUDITOR, "om", ORGANIZATION_MANAGER,
                "obm", ORGANIZATION_BILLING_MANAGER, "ou", ORGANIZATION_USER);
        orgRoles.forEach((user, type) -> role(user, type, org, null));
        Map<String, RoleType> spaceRoles = Map.of("sa", SPACE_AUDITOR, "sd", SPACE_DEVELOPER, "ss", SPACE_SUPPORTER,
                "sm", SPACE_MANAGER);
        spaceRoles.forEach((user, type) -> {
            role(user, ORGANIZATION_USER, org, null);
            role(user, type, org, "space-1");
        });
    }

    @AfterAll
    static void stop() {
        cc.close();
        database.close();
    }

    private static void space(String guid, String orgGuid) {
        Instant now = Instant.now();
        cc.ports().orgsAndSpaces().spaces().insert(new Space(guid, now, now, guid, orgGuid, false, true, null, null,
                Metadata.empty()));
    }

    private static void role(String user, RoleType type, String orgGuid, String spaceGuid) {
        Instant now = Instant.now();
        cc.ports().orgsAndSpaces().roles().insert(new Role(UUID.randomUUID().toString(), now, now, type, user, orgGuid,
                spaceGuid));
    }

    private static Answer send(String token, String method, String path, String body) {
        return ApiCalls.send(base, token, method, path, body);
    }

    private static Answer get(String token, String path) {
        return send(token, "GET", path, null);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String createOrgQuota(String body) {
        Answer r = send("admin", "POST", "/v3/organization_quotas", body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().path("guid").asText();
    }

    private static String createSpaceQuota(String name, String orgGuid, String... spaces) {
        String spaceRel = spaces.length == 0 ? "" : ",\"spaces\":{\"data\":["
                + String.join(",", java.util.Arrays.stream(spaces).map(s -> "{\"guid\":\"" + s + "\"}").toList())
                + "]}";
        Answer r = send("admin", "POST", "/v3/space_quotas", "{\"name\":\"" + name + "\",\"relationships\":"
                + "{\"organization\":{\"data\":{\"guid\":\"" + orgGuid + "\"}}" + spaceRel + "}}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().path("guid").asText();
    }

    private static JsonNode awaitJob(Answer accepted) {
        String location = accepted.raw().headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(EXTERNAL + "/v3/jobs/");
        String path = location.substring(EXTERNAL.length());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = get("admin", path).body();
            String state = job.path("state").asText();
            if (state.equals("COMPLETE") || state.equals("FAILED")) {
                return job;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job did not finish: " + path);
    }

    /** Runs a request as each identity and checks its status: "default, then overrides". */
    private static void matrix(int byDefault, Map<String, Integer> overrides, java.util.function.Function<String,
            Answer> request) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        USERS.forEach(u -> expected.put(u, overrides.getOrDefault(u, byDefault)));
        Map<String, Integer> actual = new LinkedHashMap<>();
        USERS.forEach(u -> actual.put(u, request.apply(u).status()));
        assertThat(actual).isEqualTo(expected);
    }

    // organization quotas

    @Test
    void newOrganizationsGetTheSeededDefaultQuota() {
        Answer list = get("ou", "/v3/organization_quotas?names=default");
        assertThat(list.status()).isEqualTo(200);
        JsonNode quota = list.body().path("resources").get(0);
        assertThat(quota.path("apps").toString()).isEqualTo("{\"total_memory_in_mb\":10240,"
                + "\"per_process_memory_in_mb\":null,\"total_instances\":null,\"per_app_tasks\":null,"
                + "\"log_rate_limit_in_bytes_per_second\":null}");
        assertThat(quota.path("services").toString()).isEqualTo("{\"paid_services_allowed\":true,"
                + "\"total_service_instances\":100,\"total_service_keys\":null}");
        assertThat(quota.path("routes").toString()).isEqualTo("{\"total_routes\":1000,\"total_reserved_ports\":0}");
        String guid = quota.path("guid").asText();
        JsonNode created = send("admin", "POST", "/v3/organizations", "{\"name\":\"" + unique("o") + "\"}").body();
        assertThat(created.path("relationships").path("quota").path("data").path("guid").asText()).isEqualTo(guid);
        assertThat(created.path("links").path("quota").path("href").asText())
                .isEqualTo(EXTERNAL + "/v3/organization_quotas/" + guid);
        assertThat(quota.path("relationships").path("organizations").path("data").toString())
                .isEqualTo("[{\"guid\":\"" + org + "\"}]");
    }

    @Test
    void createsAnOrganizationQuotaAsTheReferencePresentsIt() {
        String name = unique("gold");
        Answer r = send("admin", "POST", "/v3/organization_quotas", "{\"name\":\"" + name + "\","
                + "\"apps\":{\"total_memory_in_mb\":5120,\"per_process_memory_in_mb\":1024,\"total_instances\":10,"
                + "\"per_app_tasks\":5,\"log_rate_limit_in_bytes_per_second\":2000},"
                + "\"services\":{\"paid_services_allowed\":false,\"total_service_instances\":10,\"total_service_keys\":20},"
                + "\"routes\":{\"total_routes\":8,\"total_reserved_ports\":4},\"domains\":{\"total_domains\":7}}");
        assertThat(r.status()).isEqualTo(201);
        JsonNode q = r.body();
        String guid = q.path("guid").asText();
        String at = q.path("created_at").asText();
        assertThat(q.toString()).isEqualTo("{\"guid\":\"" + guid + "\",\"created_at\":\"" + at + "\",\"updated_at\":\""
                + at + "\",\"name\":\"" + name + "\",\"apps\":{\"total_memory_in_mb\":5120,"
                + "\"per_process_memory_in_mb\":1024,\"total_instances\":10,\"per_app_tasks\":5,"
                + "\"log_rate_limit_in_bytes_per_second\":2000},\"services\":{\"paid_services_allowed\":false,"
                + "\"total_service_instances\":10,\"total_service_keys\":20},\"routes\":{\"total_routes\":8,"
                + "\"total_reserved_ports\":4},\"domains\":{\"total_domains\":7},\"relationships\":{\"organizations\":"
                + "{\"data\":[]}},\"links\":{\"self\":{\"href\":\"" + EXTERNAL + "/v3/organization_quotas/" + guid
                + "\"}}}");
        assertThat(get("ga", "/v3/organization_quotas/" + guid).body()).isEqualTo(q);
        JsonNode event = get("admin", "/v3/audit_events?target_guids=" + guid).body().path("resources").get(0);
        assertThat(event.path("type").asText()).isEqualTo("audit.organization_quota.create");
        assertThat(event.path("target").path("type").asText()).isEqualTo("organization_quota");
        assertThat(event.path("data").path("request").path("routes").toString())
                .isEqualTo("{\"total_routes\":8,\"total_reserved_ports\":4}");

        JsonNode minimal = send("admin", "POST", "/v3/organization_quotas", "{\"name\":\"" + unique("min") + "\"}")
                .body();
        assertThat(minimal.path("apps").path("total_memory_in_mb").isNull()).isTrue();
        assertThat(minimal.path("services").path("paid_services_allowed").asBoolean()).isTrue();
        assertThat(minimal.path("domains").path("total_domains").isNull()).isTrue();
    }

    @Test
    void onlyAdminsWriteOrganizationQuotasAndEveryoneReadsThem() {
        String guid = createOrgQuota("{\"name\":\"" + unique("rbac") + "\"}");
        matrix(403, Map.of(), u -> send(u, "POST", "/v3/organization_quotas", "{\"name\":\"" + unique("x") + "\"}"));
        matrix(403, Map.of(), u -> send(u, "PATCH", "/v3/organization_quotas/" + guid, "{\"name\":\"nope\"}"));
        matrix(403, Map.of(), u -> send(u, "DELETE", "/v3/organization_quotas/" + guid, null));
        matrix(403, Map.of(), u -> send(u, "POST", "/v3/organization_quotas/" + guid + "/relationships/organizations",
                "{\"data\":[{\"guid\":\"" + org + "\"}]}"));
        matrix(200, Map.of(), u -> get(u, "/v3/organization_quotas/" + guid));
        matrix(200, Map.of(), u -> get(u, "/v3/organization_quotas"));
        assertThat(send("om", "POST", "/v3/organization_quotas", "{\"name\":5}").status()).isEqualTo(403);
        Answer missing = get("admin", "/v3/organization_quotas/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.detail()).isEqualTo("Organization quota not found");
        assertThat(send("admin", "PATCH", "/v3/organization_quotas/nope", "{}").detail())
                .isEqualTo("Organization quota not found");
    }

    @Test
    void badOrganizationQuotaBodiesChangeNothing() {
        long before = get("admin", "/v3/organization_quotas").body().path("pagination").path("total_results").asLong();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"name\":5,\"foo\":1}", "Unknown field(s): 'foo', Name must be a string");
        cases.put("{}", "Name can't be blank");
        cases.put("{\"name\":\"\"}", "Name is too short (minimum is 1 character), Name can't be blank");
        cases.put("{\"name\":\"" + "x".repeat(251) + "\"}", "Name is too long (maximum is 250 characters)");
        cases.put("{\"name\":\"q\",\"apps\":{\"total_memory_in_mb\":-1,\"per_app_tasks\":1.5,\"bogus\":1}}",
                "Apps Unknown field(s): 'bogus', Apps Total memory in mb must be greater than or equal to 0, "
                        + "Apps Per app tasks must be an integer");
        cases.put("{\"name\":\"q\",\"apps\":{\"total_instances\":2147483648,\"log_rate_limit_in_bytes_per_second\":\"x\"}}",
                "Apps Total instances must be less than or equal to 2147483647, "
                        + "Apps Log rate limit in bytes per second is not a number");
        cases.put("{\"name\":\"q\",\"services\":{\"paid_services_allowed\":\"yes\",\"total_service_instances\":true}}",
                "Services Total service instances is not a number, Services Paid services allowed must be a boolean");
        cases.put("{\"name\":\"q\",\"routes\":[],\"domains\":5}", "Routes must be an object, Domains must be an object");
        cases.put("{\"name\":\"q\",\"routes\":{\"total_routes\":2,\"total_reserved_ports\":3}}",
                "Total reserved ports must be -1, 0, or a positive integer, and must be less than or equal to total "
                        + "routes.");
        cases.put("{\"name\":\"q\",\"relationships\":{}}",
                "Relationships 'relationships' must include one or more valid relationships");
        cases.put("{\"name\":\"q\",\"relationships\":{\"organizations\":{\"data\":[{\"id\":\"x\"}]}}}",
                "Relationships Organizations must be structured like this: \"organizations: {\"data\": "
                        + "[{\"guid\": \"valid-guid\"},{\"guid\": \"valid-guid\"}]}\"");
        cases.put("{\"name\":\"q\",\"relationships\":{\"organizations\":{\"data\":[{\"guid\":\"nope\"}]}}}",
                "Organizations with guids [\"nope\"] do not exist, or you do not have access to them.");
        cases.put("{\"name\":\"default\"}", "Organization Quota 'default' already exists.");
        cases.forEach((body, detail) -> {
            Answer r = send("admin", "POST", "/v3/organization_quotas", body);
            assertThat(r.status()).as(body).isEqualTo(422);
            assertThat(r.title()).isEqualTo("CF-UnprocessableEntity");
            assertThat(r.detail()).as(body).isEqualTo(detail);
        });
        assertThat(send("admin", "POST", "/v3/organization_quotas", "{\"name\":").status()).isEqualTo(400);
        assertThat(get("admin", "/v3/organization_quotas").body().path("pagination").path("total_results").asLong())
                .isEqualTo(before);
        assertThat(get("admin", "/v3/audit_events?types=audit.organization_quota.create&target_guids=q").values("guid"))
                .isEmpty();
    }

    @Test
    void updatesOnlyWhatIsNamedAndNullMeansUnlimited() {
        String name = unique("upd");
        String guid = createOrgQuota("{\"name\":\"" + name + "\",\"apps\":{\"total_memory_in_mb\":8,"
                + "\"per_app_tasks\":2}}");
        Answer r = send("admin", "PATCH", "/v3/organization_quotas/" + guid, "{\"apps\":{\"total_memory_in_mb\":null,"
                + "\"per_app_tasks\":9},\"services\":{\"total_service_instances\":14,\"paid_services_allowed\":false}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("name").asText()).isEqualTo(name);
        assertThat(r.body().path("apps").path("total_memory_in_mb").isNull()).isTrue();
        assertThat(r.body().path("apps").path("per_app_tasks").asInt()).isEqualTo(9);
        assertThat(r.body().path("services").path("total_service_instances").asInt()).isEqualTo(14);
        assertThat(r.body().path("services").path("paid_services_allowed").asBoolean()).isFalse();
        assertThat(send("admin", "PATCH", "/v3/organization_quotas/" + guid, "{}").body().path("apps"))
                .isEqualTo(r.body().path("apps"));
        Answer taken = send("admin", "PATCH", "/v3/organization_quotas/" + guid, "{\"name\":\"default\"}");
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.detail()).isEqualTo("Organization Quota 'default' already exists.");
        assertThat(get("admin", "/v3/audit_events?target_guids=" + guid).values("type"))
                .contains("audit.organization_quota.update");
    }

    @Test
    void listsFilterByNamesGuidsAndReadableOrganizations() {
        String a = createOrgQuota("{\"name\":\"" + unique("la") + "\"}");
        String b = createOrgQuota("{\"name\":\"" + unique("lb") + "\"}");
        send("admin", "POST", "/v3/organization_quotas/" + a + "/relationships/organizations",
                "{\"data\":[{\"guid\":\"" + otherOrg + "\"}]}");
        assertThat(get("admin", "/v3/organization_quotas?guids=" + a + "," + b).values("guid")).containsExactly(a, b);
        assertThat(get("admin", "/v3/organization_quotas?organization_guids=" + otherOrg).values("guid"))
                .containsExactly(a);
        assertThat(get("om", "/v3/organization_quotas?organization_guids=" + otherOrg).values("guid")).isEmpty();
        JsonNode seenByOm = get("om", "/v3/organization_quotas/" + a).body();
        assertThat(seenByOm.path("relationships").path("organizations").path("data").toString()).isEqualTo("[]");
        Answer page = get("admin", "/v3/organization_quotas?per_page=1&order_by=-created_at");
        assertThat(page.body().path("pagination").path("next").path("href").asText())
                .isEqualTo(EXTERNAL + "/v3/organization_quotas?order_by=-created_at&page=2&per_page=1");
        Answer bad = get("admin", "/v3/organization_quotas?space_guids=x");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.detail()).startsWith("The query parameter is invalid: Unknown query parameter(s): 'space_guids'");
    }

    @Test
    void applyingAndDeletingOrganizationQuotas() {
        String guid = createOrgQuota("{\"name\":\"" + unique("apply") + "\"}");
        String newOrg = send("admin", "POST", "/v3/organizations", "{\"name\":\"" + unique("o") + "\"}").body()
                .path("guid").asText();
        Answer applied = send("admin", "POST", "/v3/organization_quotas/" + guid + "/relationships/organizations",
                "{\"data\":[{\"guid\":\"" + newOrg + "\"}]}");
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.body().toString()).isEqualTo("{\"data\":[{\"guid\":\"" + newOrg + "\"}],\"links\":{\"self\":"
                + "{\"href\":\"" + EXTERNAL + "/v3/organization_quotas/" + guid + "/relationships/organizations\"}}}");
        assertThat(get("admin", "/v3/organizations/" + newOrg).body().path("relationships").path("quota")
                .path("data").path("guid").asText()).isEqualTo(guid);
        JsonNode event = get("admin", "/v3/audit_events?types=audit.organization_quota.apply&target_guids=" + guid)
                .body().path("resources").get(0);
        assertThat(event.path("organization").path("guid").asText()).isEqualTo(newOrg);
        assertThat(event.path("data").path("organization_guid").asText()).isEqualTo(newOrg);

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("{\"data\":[{\"guid\":\"not a real guid\"}]}", "Organizations with guids [\"not a real guid\"] do not exist");
        bad.put("{\"data\":[{\"guid\":8}]}", "Invalid data type: Data[0] guid should be a string.");
        bad.put("{\"data\":[]}", "Data can't be blank");
        bad.put("{\"data\":{\"guid\":\"x\"}}", "Data must be an array");
        bad.put("{\"other\":1}", "Unknown field(s): 'other', Data can't be blank, Data must be an array");
        bad.forEach((body, detail) -> {
            Answer r = send("admin", "POST", "/v3/organization_quotas/" + guid + "/relationships/organizations", body);
            assertThat(r.status()).as(body).isEqualTo(422);
            assertThat(r.detail()).as(body).isEqualTo(detail);
        });

        Answer inUse = send("admin", "DELETE", "/v3/organization_quotas/" + guid, null);
        assertThat(inUse.status()).isEqualTo(422);
        assertThat(inUse.detail()).isEqualTo("This quota is applied to one or more organizations. Apply different "
                + "quotas to those organizations before deleting.");
        String unused = createOrgQuota("{\"name\":\"" + unique("del") + "\"}");
        Answer accepted = send("admin", "DELETE", "/v3/organization_quotas/" + unused, null);
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode job = awaitJob(accepted);
        assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
        assertThat(job.path("operation").asText()).isEqualTo("organization_quota.delete");
        assertThat(get("admin", "/v3/organization_quotas/" + unused).status()).isEqualTo(404);
        assertThat(get("admin", "/v3/audit_events?target_guids=" + unused).values("type"))
                .containsExactly("audit.organization_quota.create", "audit.organization_quota.delete");
    }

    // space quotas

    @Test
    void orgManagersCreateSpaceQuotasAndOthersAreRefused() {
        String body = "{\"name\":\"%s\",\"apps\":{\"total_memory_in_mb\":512},\"relationships\":{\"organization\":"
                + "{\"data\":{\"guid\":\"" + org + "\"}},\"spaces\":{\"data\":[{\"guid\":\"space-2\"}]}}}";
        Answer r = send("om", "POST", "/v3/space_quotas", body.formatted(unique("sq")));
        assertThat(r.status()).isEqualTo(201);
        JsonNode q = r.body();
        String guid = q.path("guid").asText();
        assertThat(q.path("relationships").toString()).isEqualTo("{\"organization\":{\"data\":{\"guid\":\"" + org
                + "\"}},\"spaces\":{\"data\":[{\"guid\":\"space-2\"}]}}");
        assertThat(q.path("links").toString()).isEqualTo("{\"self\":{\"href\":\"" + EXTERNAL + "/v3/space_quotas/" + guid
                + "\"},\"organization\":{\"href\":\"" + EXTERNAL + "/v3/organizations/" + org + "\"}}");
        assertThat(q.has("domains")).isFalse();
        assertThat(q.path("apps").path("total_memory_in_mb").asInt()).isEqualTo(512);
        matrix(403, Map.of("om", 201), u -> send(u, "POST", "/v3/space_quotas", body.formatted(unique("m"))));
        JsonNode event = get("admin", "/v3/audit_events?target_guids=" + guid).body().path("resources").get(0);
        assertThat(event.path("type").asText()).isEqualTo("audit.space_quota.create");
        assertThat(event.path("organization").path("guid").asText()).isEqualTo(org);
    }

    @Test
    void spaceQuotaVisibilityFollowsTheReference() {
        String applied = createSpaceQuota(unique("vis"), org, "space-1");
        String unapplied = createSpaceQuota(unique("unapplied"), org);
        String elsewhere = createSpaceQuota(unique("elsewhere"), otherOrg);
        matrix(404, Map.of("aro", 200, "ga", 200, "om", 200, "sm", 200, "sd", 200, "sa", 200, "ss", 200),
                u -> get(u, "/v3/space_quotas/" + applied));
        matrix(404, Map.of("aro", 200, "ga", 200, "om", 200), u -> get(u, "/v3/space_quotas/" + unapplied));
        matrix(404, Map.of("aro", 200, "ga", 200), u -> get(u, "/v3/space_quotas/" + elsewhere));
        assertThat(get("sd", "/v3/space_quotas").values("guid")).contains(applied).doesNotContain(unapplied, elsewhere);
        assertThat(get("oa", "/v3/space_quotas").values("guid")).isEmpty();
        Answer missing = get("admin", "/v3/space_quotas/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.detail()).isEqualTo("Space quota not found");
    }

    @Test
    void spaceQuotaWritesAre404ThenForbiddenThenSuspended() {
        String guid = createSpaceQuota(unique("w"), org, "space-1");
        Map<String, Integer> matrix = Map.of("om", 200, "oa", 404, "obm", 404, "ou", 404, "nobody", 404);
        matrix(403, matrix, u -> send(u, "PATCH", "/v3/space_quotas/" + guid, "{}"));
        matrix(403, Map.of("om", 200, "oa", 404, "obm", 404, "ou", 404, "nobody", 404),
                u -> send(u, "POST", "/v3/space_quotas/" + guid + "/relationships/spaces",
                        "{\"data\":[{\"guid\":\"space-1\"}]}"));
        assertThat(send("sd", "PATCH", "/v3/space_quotas/" + guid, "{\"bogus\":1}").status()).isEqualTo(403);
        send("admin", "PATCH", "/v3/organizations/" + org, "{\"suspended\":true}");
        try {
            Answer suspended = send("om", "PATCH", "/v3/space_quotas/" + guid, "{}");
            assertThat(suspended.status()).isEqualTo(403);
            assertThat(suspended.title()).isEqualTo("CF-OrgSuspended");
            assertThat(send("om", "POST", "/v3/space_quotas", "{\"name\":\"s\",\"relationships\":{\"organization\":"
                    + "{\"data\":{\"guid\":\"" + org + "\"}}}}").title()).isEqualTo("CF-OrgSuspended");
            assertThat(send("admin", "PATCH", "/v3/space_quotas/" + guid, "{}").status()).isEqualTo(200);
        } finally {
            send("admin", "PATCH", "/v3/organizations/" + org, "{\"suspended\":false}");
        }
    }

    @Test
    void badSpaceQuotaRequestsChangeNothing() {
        String name = unique("dup");
        String guid = createSpaceQuota(name, org);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"name\":\"x\"}", "Relationships 'relationships' is not an object");
        cases.put("{\"relationships\":{\"organization\":{\"data\":{\"guid\":\"" + org + "\"}}}}",
                "Name can't be blank");
        cases.put("{\"name\":5,\"relationships\":{\"organization\":{\"data\":{\"guid\":\"" + org + "\"}}}}",
                "Name must be a string");
        cases.put("{\"name\":\"x\",\"relationships\":{\"organization\":{\"guid\":\"" + org + "\"}}}",
                "Relationships Organization must be structured like this: \"organization: {\"data\": "
                        + "{\"guid\": \"valid-guid\"}}\"");
        cases.put("{\"name\":\"x\",\"domains\":{},\"relationships\":{\"organization\":{\"data\":{\"guid\":\"" + org
                + "\"}}}}", "Unknown field(s): 'domains'");
        cases.put("{\"name\":\"x\",\"relationships\":{\"organization\":{\"data\":{\"guid\":\"not-real\"}}}}",
                "Organization with guid 'not-real' does not exist, or you do not have access to it.");
        cases.put("{\"name\":\"x\",\"relationships\":{\"organization\":{\"data\":{\"guid\":\"" + org + "\"}},"
                + "\"spaces\":{\"data\":[{\"guid\":\"space-x\"}]}}}", "Spaces with guids [\"space-x\"] do not exist "
                + "within the organization specified, or you do not have access to them.");
        cases.put("{\"name\":\"" + name + "\",\"relationships\":{\"organization\":{\"data\":{\"guid\":\"" + org
                + "\"}}}}", "Space Quota '" + name + "' already exists.");
        cases.put("{\"name\":\"x\",\"routes\":{\"total_reserved_ports\":1},\"relationships\":{\"organization\":"
                + "{\"data\":{\"guid\":\"" + org + "\"}}}}", "Total reserved ports must be -1, 0, or a positive "
                + "integer, must be less than or equal to total routes, and must be less than or equal to total "
                + "reserved ports for the organization quota.");
        long before = get("admin", "/v3/space_quotas").body().path("pagination").path("total_results").asLong();
        cases.forEach((body, detail) -> {
            Answer r = send("admin", "POST", "/v3/space_quotas", body);
            assertThat(r.status()).as(body).isEqualTo(422);
            assertThat(r.detail()).as(body).isEqualTo(detail);
        });
        assertThat(get("admin", "/v3/space_quotas").body().path("pagination").path("total_results").asLong())
                .isEqualTo(before);
        Answer wat = send("admin", "PATCH", "/v3/space_quotas/" + guid, "{\"wat\":1}");
        assertThat(wat.status()).isEqualTo(422);
        assertThat(wat.detail()).isEqualTo("Unknown field(s): 'wat'");
        assertThat(send("admin", "PATCH", "/v3/space_quotas/" + guid, "{\"domains\":{\"total_domains\":1}}").status())
                .isEqualTo(200);
        Answer badQuery = get("admin", "/v3/space_quotas?bogus=1");
        assertThat(badQuery.status()).isEqualTo(422);
        assertThat(badQuery.detail()).startsWith("Unknown query parameter(s): 'bogus'. Valid parameters are:");
        assertThat(get("admin", "/v3/space_quotas?per_page=0").status()).isEqualTo(422);
    }

    @Test
    void applyRemoveAndDeleteSpaceQuotas() {
        String guid = createSpaceQuota(unique("ard"), org);
        space("space-3", org);
        Answer applied = send("om", "POST", "/v3/space_quotas/" + guid + "/relationships/spaces",
                "{\"data\":[{\"guid\":\"space-3\"}]}");
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.body().toString()).isEqualTo("{\"data\":[{\"guid\":\"space-3\"}],\"links\":{\"self\":{\"href\":"
                + "\"" + EXTERNAL + "/v3/space_quotas/" + guid + "/relationships/spaces\"}}}");
        assertThat(get("admin", "/v3/space_quotas?space_guids=space-3").values("guid")).containsExactly(guid);
        assertThat(send("om", "POST", "/v3/space_quotas/" + guid + "/relationships/spaces",
                "{\"data\":[{\"guid\":\"space-x\"}]}").detail())
                .isEqualTo("Spaces with guids [\"space-x\"] do not exist, or you do not have access to them.");
        assertThat(send("admin", "POST", "/v3/space_quotas/" + guid + "/relationships/spaces",
                "{\"data\":[{\"guid\":\"space-x\"}]}").detail())
                .isEqualTo("Space quotas cannot be applied outside of their owning organization.");
        assertThat(send("om", "POST", "/v3/space_quotas/" + guid + "/relationships/spaces",
                "{\"data\":[{\"guid\":\"space-3\"},{\"guid\":5}]}").detail())
                .isEqualTo("Invalid data type: Data[1] guid should be a string.");

        Answer inUse = send("om", "DELETE", "/v3/space_quotas/" + guid, null);
        assertThat(inUse.status()).isEqualTo(422);
        assertThat(inUse.detail()).isEqualTo("This quota is applied to one or more spaces. Remove this quota from all "
                + "spaces before deleting.");
        Answer notApplied = send("om", "DELETE", "/v3/space_quotas/" + guid + "/relationships/spaces/space-2", null);
        assertThat(notApplied.status()).isEqualTo(422);
        assertThat(notApplied.detail()).isEqualTo("Unable to remove quota from space with guid 'space-2'. Ensure the "
                + "space quota is applied to this space.");
        assertThat(send("om", "DELETE", "/v3/space_quotas/" + guid + "/relationships/spaces/space-3", null).status())
                .isEqualTo(204);
        assertThat(get("admin", "/v3/space_quotas/" + guid).body().path("relationships").path("spaces")
                .path("data").toString()).isEqualTo("[]");
        Answer accepted = send("om", "DELETE", "/v3/space_quotas/" + guid, null);
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode job = awaitJob(accepted);
        assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
        assertThat(job.path("operation").asText()).isEqualTo("space_quota.delete");
        assertThat(get("admin", "/v3/space_quotas/" + guid).status()).isEqualTo(404);
        assertThat(get("admin", "/v3/audit_events?target_guids=" + guid + "&order_by=created_at").values("type"))
                .containsExactly("audit.space_quota.create", "audit.space_quota.apply", "audit.space_quota.remove",
                        "audit.space_quota.delete");
    }

    // usage summaries

    @Test
    void organizationUsageSummaryForItsReaders() {
        Answer r = get("ou", "/v3/organizations/" + org + "/usage_summary");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().toString()).isEqualTo("{\"usage_summary\":{\"started_instances\":0,\"memory_in_mb\":0,"
                + "\"routes\":0,\"service_instances\":0,\"reserved_ports\":0,\"domains\":0,\"per_app_tasks\":0,"
                + "\"service_keys\":0},\"links\":{\"self\":{\"href\":\"" + EXTERNAL + "/v3/organizations/" + org
                + "/usage_summary\"},\"organization\":{\"href\":\"" + EXTERNAL + "/v3/organizations/" + org + "\"}}}");
        matrix(200, Map.of("nobody", 404), u -> get(u, "/v3/organizations/" + org + "/usage_summary"));
        assertThat(get("admin", "/v3/organizations/nope/usage_summary").detail()).isEqualTo("Organization not found");
    }

    @Test
    void platformUsageSummaryForGlobalReaders() {
        Answer r = get("ga", "/v3/info/usage_summary");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("links").toString())
                .isEqualTo("{\"self\":{\"href\":\"" + EXTERNAL + "/v3/info/usage_summary\"}}");
        assertThat(r.body().path("usage_summary").path("started_instances").asInt()).isZero();
        matrix(404, Map.of("aro", 200, "ga", 200), u -> get(u, "/v3/info/usage_summary"));
        Answer refused = get("om", "/v3/info/usage_summary");
        assertThat(refused.title()).isEqualTo("CF-NotFound");
        assertThat(refused.detail()).isEqualTo("Unknown request");
        var anonymous = HttpRequest.newBuilder(URI.create(base + "/v3/info/usage_summary")).GET().build();
        try {
            assertThat(HTTP.send(anonymous, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(get("admin", "/v3/info").status()).isEqualTo(200);
    }
}
