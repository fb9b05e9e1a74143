package dev.capi.server.servicebindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capi.domain.auth.Principal;
import dev.capi.persistence.Database;
import dev.capi.server.CloudController;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credential and route bindings of user-provided instances over HTTP on an embedded capi (H2): the instances are SQL
 * fixtures (their endpoints belong to another area). Binding an app answers 201 at once with the instance's
 * credentials, which show in the binding's details and the app's VCAP_SERVICES; route bindings carry the instance's
 * route service URL; deletes answer 204; keys are refused for user-provided instances; audit events are recorded;
 * space auditors read bindings but neither their details nor change them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceBindingsOverHttpTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Principal> tokens = new ConcurrentHashMap<>();

    @TempDir
    static Path blobs;
    private Database database;
    private CloudController cc;
    private String base;
    private String org;
    private String space;
    private String app;
    private String ups;

    record Answer(int status, JsonNode body, String location) {
    }

    @BeforeAll
    void start() throws Exception {
        tokens.put("admin", new Principal("admin", "admin", "uaa", "cf", Set.of(Principal.ADMIN)));
        for (String user : new String[] {"dev", "auditor"}) {
            tokens.put(user, new Principal(user, user + "-name", "uaa", "cf", Set.of(Principal.READ, Principal.WRITE)));
        }
        database = Database.open("jdbc:h2:mem:bindings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
        cc = CloudController.builder().database(database).blobDirectory(blobs).externalUrl("https://api.example.com")
                .tokenVerifier(token -> {
                    Principal p = tokens.get(token);
                    if (p == null) {
                        throw dev.capi.domain.errors.CfException.of(dev.capi.domain.errors.CfError.InvalidAuthToken);
                    }
                    return p;
                }).build();
        base = "http://127.0.0.1:" + cc.start("127.0.0.1", 0);
        org = ok(send("admin", "POST", "/v3/organizations", "{\"name\":\"bind-org\"}")).path("guid").asText();
        space = ok(send("admin", "POST", "/v3/spaces", "{\"name\":\"bind-space\",\"relationships\":{\"organization\":"
                + "{\"data\":{\"guid\":\"" + org + "\"}}}}")).path("guid").asText();
        grant("dev", "space_developer");
        grant("auditor", "space_auditor");
    }

    /** Each test has its own app and user-provided instance "my-db-N" (same credentials, drain and route service). */
    @BeforeEach
    void appAndInstance() {
        String n = UUID.randomUUID().toString().substring(0, 8);
        app = ok(send("admin", "POST", "/v3/apps", "{\"name\":\"app-" + n + "\",\"relationships\":{\"space\":"
                + "{\"data\":{\"guid\":\"" + space + "\"}}}}")).path("guid").asText();
        ups = insertUserProvided("my-db-" + n, "{\"uri\":\"postgres://db\",\"password\":\"s3cret\"}",
                "syslog://logs.example.com:514", "https://route-service.example.com", "[\"pg\",\"sql\"]");
    }

    @AfterAll
    void stop() {
        cc.close();
        database.close();
    }

    @Test
    void appBindingToUserProvidedInstanceIsCreatedAtOnceAndReachesVcapServices() {
        Answer created = send("dev", "POST", "/v3/service_credential_bindings", "{\"type\":\"app\",\"name\":\"db\","
                + "\"relationships\":{\"service_instance\":{\"data\":{\"guid\":\"" + ups + "\"}},\"app\":{\"data\":"
                + "{\"guid\":\"" + app + "\"}}},\"metadata\":{\"labels\":{\"env\":\"prod\"}}}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        JsonNode b = created.body();
        String guid = b.path("guid").asText();
        assertThat(b.path("type").asText()).isEqualTo("app");
        assertThat(b.path("name").asText()).isEqualTo("db");
        assertThat(b.path("last_operation").path("type").asText()).isEqualTo("create");
        assertThat(b.path("last_operation").path("state").asText()).isEqualTo("succeeded");
        assertThat(b.path("metadata").path("labels").path("env").asText()).isEqualTo("prod");
        assertThat(b.path("relationships").path("app").path("data").path("guid").asText()).isEqualTo(app);
        assertThat(b.path("links").path("details").path("href").asText())
                .isEqualTo("https://api.example.com/v3/service_credential_bindings/" + guid + "/details");
        assertThat(b.path("links").has("parameters")).as("no parameters link for user-provided").isFalse();

        assertThat(ok(send("auditor", "GET", "/v3/service_credential_bindings/" + guid, null)).path("guid").asText())
                .isEqualTo(guid);
        JsonNode list = ok(send("admin", "GET", "/v3/service_credential_bindings?app_guids=" + app + "&type=app",
                null));
        assertThat(list.path("pagination").path("total_results").asInt()).isEqualTo(1);
        assertThat(ok(send("admin", "GET", "/v3/service_credential_bindings?service_instance_names=other", null))
                .path("resources").size()).isZero();

        JsonNode details = ok(send("dev", "GET", "/v3/service_credential_bindings/" + guid + "/details", null));
        assertThat(details.toString()).isEqualTo("{\"credentials\":{\"uri\":\"postgres://db\",\"password\":"
                + "\"s3cret\"},\"syslog_drain_url\":\"syslog://logs.example.com:514\"}");
        assertThat(send("auditor", "GET", "/v3/service_credential_bindings/" + guid + "/details", null).status())
                .isEqualTo(404);

        JsonNode env = ok(send("dev", "GET", "/v3/apps/" + app + "/env", null));
        JsonNode vcap = env.path("system_env_json").path("VCAP_SERVICES");
        assertThat(vcap.toString()).isEqualTo("{\"user-provided\":[{\"label\":\"user-provided\",\"name\":\"db\","
                + "\"tags\":[\"pg\",\"sql\"],\"instance_guid\":\"" + ups + "\",\"instance_name\":\"" + upsName() + "\","
                + "\"binding_guid\":\"" + guid + "\",\"binding_name\":\"db\",\"credentials\":{\"uri\":"
                + "\"postgres://db\",\"password\":\"s3cret\"},\"syslog_drain_url\":\"syslog://logs.example.com:514\","
                + "\"volume_mounts\":[]}]}");

        Answer again = send("dev", "POST", "/v3/service_credential_bindings", "{\"type\":\"app\",\"relationships\":"
                + "{\"service_instance\":{\"data\":{\"guid\":\"" + ups + "\"}},\"app\":{\"data\":{\"guid\":\"" + app
                + "\"}}}}");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body().path("errors").get(0).path("detail").asText())
                .isEqualTo("The app is already bound to the service instance");

        assertThat(send("auditor", "DELETE", "/v3/service_credential_bindings/" + guid, null).status())
                .isEqualTo(403);
        assertThat(send("dev", "DELETE", "/v3/service_credential_bindings/" + guid, null).status()).isEqualTo(204);
        assertThat(send("dev", "GET", "/v3/service_credential_bindings/" + guid, null).status()).isEqualTo(404);
        assertThat(ok(send("dev", "GET", "/v3/apps/" + app + "/env", null)).path("system_env_json")
                .path("VCAP_SERVICES").toString()).isEqualTo("{}");

        JsonNode events = ok(send("admin", "GET", "/v3/audit_events?target_guids=" + guid, null));
        assertThat(types(events))
                .containsExactly("audit.service_binding.create", "audit.service_binding.show",
                        "audit.service_binding.delete");
    }

    @Test
    void badRequestsChangeNothing() {
        Answer key = send("dev", "POST", "/v3/service_credential_bindings", "{\"type\":\"key\",\"name\":\"k\","
                + "\"relationships\":{\"service_instance\":{\"data\":{\"guid\":\"" + ups + "\"}}}}");
        assertThat(key.status()).isEqualTo(422);
        assertThat(key.body().path("errors").get(0).path("detail").asText()).isEqualTo("Service credential "
                + "bindings of type 'key' are not supported for user-provided service instances.");
        Answer parameters = send("dev", "POST", "/v3/service_credential_bindings", "{\"type\":\"app\","
                + "\"parameters\":{\"a\":1},\"relationships\":{\"service_instance\":{\"data\":{\"guid\":\"" + ups
                + "\"}},\"app\":{\"data\":{\"guid\":\"" + app + "\"}}}}");
        assertThat(parameters.body().path("errors").get(0).path("detail").asText())
                .isEqualTo("Binding parameters are not supported for user-provided service instances");
        Answer type = send("dev", "POST", "/v3/service_credential_bindings", "{\"type\":\"nope\",\"bogus\":1}");
        assertThat(type.status()).isEqualTo(422);
        assertThat(type.body().path("errors").get(0).path("detail").asText()).contains("Unknown field(s): 'bogus'")
                .contains("Type must be 'app' or 'key'");
        Answer missing = send("dev", "POST", "/v3/service_credential_bindings", "{\"type\":\"app\",\"relationships\":"
                + "{\"service_instance\":{\"data\":{\"guid\":\"nope\"}},\"app\":{\"data\":{\"guid\":\"" + app
                + "\"}}}}");
        assertThat(missing.body().path("errors").get(0).path("detail").asText())
                .isEqualTo("The service instance could not be found: 'nope'");
        Answer auditor = send("auditor", "POST", "/v3/service_credential_bindings", "{\"type\":\"app\","
                + "\"relationships\":{\"service_instance\":{\"data\":{\"guid\":\"" + ups + "\"}},\"app\":{\"data\":"
                + "{\"guid\":\"" + app + "\"}}}}");
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(send("dev", "GET", "/v3/service_credential_bindings?type=other", null).status()).isEqualTo(400);
        assertThat(ok(send("admin", "GET", "/v3/service_credential_bindings?app_guids=" + app, null))
                .path("resources").size()).isZero();
    }

    @Test
    void routeBindingToUserProvidedRouteServiceIsCreatedAtOnce() {
        String domain = ok(send("admin", "GET", "/v3/domains", null)).path("resources").get(0).path("guid").asText();
        String route = ok(send("admin", "POST", "/v3/routes", "{\"host\":\"svc\",\"relationships\":{\"space\":"
                + "{\"data\":{\"guid\":\"" + space + "\"}},\"domain\":{\"data\":{\"guid\":\"" + domain + "\"}}}}"))
                .path("guid").asText();
        String body = "{\"relationships\":{\"service_instance\":{\"data\":{\"guid\":\"" + ups + "\"}},\"route\":"
                + "{\"data\":{\"guid\":\"" + route + "\"}}}}";
        Answer created = send("dev", "POST", "/v3/service_route_bindings", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String guid = created.body().path("guid").asText();
        assertThat(created.body().path("route_service_url").asText()).isEqualTo("https://route-service.example.com");
        assertThat(created.body().path("last_operation").path("state").asText()).isEqualTo("succeeded");
        assertThat(created.body().path("relationships").path("route").path("data").path("guid").asText())
                .isEqualTo(route);

        Answer twice = send("dev", "POST", "/v3/service_route_bindings", body);
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body().path("errors").get(0).path("title").asText())
                .isEqualTo("CF-ServiceInstanceAlreadyBoundToSameRoute");

        assertThat(ok(send("auditor", "GET", "/v3/service_route_bindings?route_guids=" + route, null))
                .path("resources").get(0).path("guid").asText()).isEqualTo(guid);
        assertThat(ok(send("dev", "PATCH", "/v3/service_route_bindings/" + guid,
                "{\"metadata\":{\"annotations\":{\"note\":\"x\"}}}")).path("metadata").path("annotations")
                .path("note").asText()).isEqualTo("x");
        Answer parameters = send("dev", "GET", "/v3/service_route_bindings/" + guid + "/parameters", null);
        assertThat(parameters.status()).isEqualTo(400);
        assertThat(send("dev", "DELETE", "/v3/service_route_bindings/" + guid, null).status()).isEqualTo(204);
        assertThat(send("dev", "GET", "/v3/service_route_bindings/" + guid, null).status()).isEqualTo(404);
        JsonNode events = ok(send("admin", "GET", "/v3/audit_events?target_guids=" + guid, null));
        assertThat(types(events)).containsExactly(
                "audit.service_route_binding.create", "audit.service_route_binding.update",
                "audit.service_route_binding.delete");
    }

    @Test
    void routeBindingNeedsARouteServiceInstance() {
        String plain = insertUserProvided("plain", "{}", null, null, null);
        String domain = ok(send("admin", "GET", "/v3/domains", null)).path("resources").get(0).path("guid").asText();
        String route = ok(send("admin", "POST", "/v3/routes", "{\"host\":\"plain\",\"relationships\":{\"space\":"
                + "{\"data\":{\"guid\":\"" + space + "\"}},\"domain\":{\"data\":{\"guid\":\"" + domain + "\"}}}}"))
                .path("guid").asText();
        Answer refused = send("dev", "POST", "/v3/service_route_bindings", "{\"relationships\":{\"service_instance\":"
                + "{\"data\":{\"guid\":\"" + plain + "\"}},\"route\":{\"data\":{\"guid\":\"" + route + "\"}}}}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("errors").get(0).path("detail").asText())
                .isEqualTo("This service instance does not support route binding");
    }

    @Test
    void aManifestBindsExistingInstancesOnlyOnce() throws Exception {
        String appName = ok(send("admin", "GET", "/v3/apps/" + app, null)).path("name").asText();
        String manifest = "applications:\n- name: " + appName + "\n  services:\n  - " + upsName() + "\n";
        assertThat(applyManifest(manifest).path("state").asText()).isEqualTo("COMPLETE");
        assertThat(applyManifest(manifest).path("state").asText()).as("already bound: nothing to do")
                .isEqualTo("COMPLETE");
        JsonNode list = ok(send("dev", "GET", "/v3/service_credential_bindings?app_guids=" + app, null));
        assertThat(list.path("resources").size()).isEqualTo(1);
        assertThat(list.path("resources").get(0).path("relationships").path("service_instance").path("data")
                .path("guid").asText()).isEqualTo(ups);
        JsonNode missing = applyManifest("applications:\n- name: " + appName + "\n  services: [nope]\n");
        assertThat(missing.path("errors").get(0).path("detail").asText())
                .isEqualTo("For application '" + appName + "': Service instance 'nope' not found");
    }

    private JsonNode applyManifest(String yaml) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v3/spaces/" + space
                        + "/actions/apply_manifest")).header("Authorization", "bearer dev")
                .header("Content-Type", "application/x-yaml").POST(HttpRequest.BodyPublishers.ofString(yaml)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return awaitJob(r.headers().firstValue("Location").orElseThrow());
    }

    private JsonNode awaitJob(String location) throws InterruptedException {
        String job = location.replaceAll(".*/v3/", "/v3/");
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode state = ok(send("dev", "GET", job, null));
            if (!"PROCESSING".equals(state.path("state").asText())) {
                return state;
            }
            assertThat(System.nanoTime()).as("job finished within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void deletingTheAppRemovesItsBindings() throws Exception {
        ok(send("dev", "POST", "/v3/service_credential_bindings", "{\"type\":\"app\",\"relationships\":"
                + "{\"service_instance\":{\"data\":{\"guid\":\"" + ups + "\"}},\"app\":{\"data\":{\"guid\":\""
                + app + "\"}}}}"));
        Answer deleted = send("dev", "DELETE", "/v3/apps/" + app, null);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(awaitJob(deleted.location()).path("state").asText()).isEqualTo("COMPLETE");
        assertThat(ok(send("admin", "GET", "/v3/service_credential_bindings?service_instance_guids=" + ups, null))
                .path("resources").size()).isZero();
    }

    private String upsName() {
        return cc.database().jdbi().withHandle(h -> h.createQuery("SELECT name FROM service_instances WHERE guid = :g")
                .bind("g", ups).mapTo(String.class).one());
    }

    private String insertUserProvided(String name, String credentials, String drain, String routeServiceUrl,
                                      String tags) {
        String guid = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        cc.database().jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO service_instances (guid, created_at, updated_at, name, space_guid, type, tags,
                            credentials, syslog_drain_url, route_service_url, last_operation_type,
                            last_operation_state, last_operation_created_at, last_operation_updated_at)
                        VALUES (:g, :t, :t, :n, :s, 'user-provided', :tags, :c, :d, :r, 'create', 'succeeded', :t, :t)""")
                .bind("g", guid).bind("t", now).bind("n", name).bind("s", space).bind("tags", tags)
                .bind("c", credentials).bind("d", drain).bind("r", routeServiceUrl).execute());
        return guid;
    }

    private void grant(String user, String type) {
        send("admin", "POST", "/v3/users", "{\"guid\":\"" + user + "\"}");
        ok(send("admin", "POST", "/v3/roles", "{\"type\":\"organization_user\",\"relationships\":{\"user\":{\"data\":"
                + "{\"guid\":\"" + user + "\"}},\"organization\":{\"data\":{\"guid\":\"" + org + "\"}}}}"));
        ok(send("admin", "POST", "/v3/roles", "{\"type\":\"" + type + "\",\"relationships\":{\"user\":{\"data\":"
                + "{\"guid\":\"" + user + "\"}},\"space\":{\"data\":{\"guid\":\"" + space + "\"}}}}"));
    }

    private static java.util.List<String> types(JsonNode events) {
        var list = new java.util.ArrayList<String>();
        events.path("resources").forEach(e -> list.add(e.path("type").asText()));
        return list;
    }

    private static JsonNode ok(Answer a) {
        assertThat(a.status()).as(a.body().toString()).isLessThan(300);
        return a.body();
    }

    private Answer send(String token, String method, String path, String body) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), json, r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
