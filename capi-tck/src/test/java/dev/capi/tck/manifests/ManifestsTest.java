package dev.capi.tck.manifests;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.StreamSupport;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of apply_manifest, manifest_diff and {@code GET /v3/apps/:guid/manifest}. */
@Checks({
        "GET /v3/apps",
        "GET /v3/apps/:guid/environment_variables",
        "GET /v3/apps/:guid/manifest",
        "GET /v3/apps/:guid/processes/:type",
        "GET /v3/apps/:guid/routes",
        "GET /v3/apps/:guid/sidecars",
        "GET /v3/audit_events",
        "POST /v3/domains",
        "POST /v3/spaces/:guid/actions/apply_manifest"})
class ManifestsTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;
    static String domain;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
        domain = Tck.unique("manifests") + ".example.org";
        assertThat(admin.post("/v3/domains", obj("name", domain, "relationships",
                obj("organization", rel(actors.orgGuid())))).status()).isEqualTo(201);
    }

    static String space() {
        return actors.spaceGuid();
    }

    static ApiResponse apply(Cf cf, String yaml) {
        return cf.send("POST", "/v3/spaces/" + space() + "/actions/apply_manifest", yaml, "application/x-yaml");
    }

    static JsonNode applyAndWait(String yaml) {
        ApiResponse accepted = apply(actors.as(SPACE_DEVELOPER), yaml);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).contains("/v3/jobs/");
        return admin.awaitJob(accepted);
    }

    static JsonNode app(String name) {
        return admin.get("/v3/apps?names=" + name + "&space_guids=" + space()).body().path("resources").path(0);
    }

    static JsonNode process(String appGuid, String type) {
        return admin.get("/v3/apps/" + appGuid + "/processes/" + type).body();
    }

    static List<String> routeUrls(String appGuid) {
        return StreamSupport.stream(admin.get("/v3/apps/" + appGuid + "/routes").body().path("resources")
                .spliterator(), false).map(r -> r.path("url").asText()).toList();
    }

    @Test
    void appliesAManifestCreatingTheAppWithProcessesEnvRoutesAndMetadata() {
        String name = Tck.unique("m");
        JsonNode job = applyAndWait("""
                ---
                applications:
                - name: %s
                  instances: 2
                  memory: 256M
                  disk_quota: 1G
                  command: bundle exec rackup
                  health-check-type: http
                  health-check-http-endpoint: /health
                  env:
                    GREETING: hello
                    COUNT: 3
                  routes:
                  - route: shop.%s/cart
                  metadata:
                    labels:
                      team: payments
                  processes:
                  - type: worker
                    instances: 3
                    command: bin/worker
                  sidecars:
                  - name: log-shipper
                    command: ./ship-logs
                    process_types: [web, worker]
                    memory: 64M
                """.formatted(name, domain));
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("COMPLETE");
        assertThat(job.path("operation").asText()).isEqualTo("space.apply_manifest");

        JsonNode app = app(name);
        String guid = app.path("guid").asText();
        assertThat(app.path("metadata").path("labels").path("team").asText()).isEqualTo("payments");
        JsonNode web = process(guid, "web");
        assertThat(web.path("instances").asInt()).isEqualTo(2);
        assertThat(web.path("memory_in_mb").asInt()).isEqualTo(256);
        assertThat(web.path("disk_in_mb").asInt()).isEqualTo(1024);
        assertThat(web.path("command").asText()).isEqualTo("bundle exec rackup");
        assertThat(web.path("health_check").path("type").asText()).isEqualTo("http");
        assertThat(web.path("health_check").path("data").path("endpoint").asText()).isEqualTo("/health");
        JsonNode worker = process(guid, "worker");
        assertThat(worker.path("instances").asInt()).isEqualTo(3);
        assertThat(worker.path("command").asText()).isEqualTo("bin/worker");
        JsonNode env = admin.get("/v3/apps/" + guid + "/environment_variables").body().path("var");
        assertThat(env.path("GREETING").asText()).isEqualTo("hello");
        assertThat(env.path("COUNT").asText()).isEqualTo("3");
        assertThat(routeUrls(guid)).containsExactly("shop." + domain + "/cart");
        JsonNode sidecar = admin.get("/v3/apps/" + guid + "/sidecars").body().path("resources").path(0);
        assertThat(sidecar.path("name").asText()).isEqualTo("log-shipper");
        assertThat(sidecar.path("memory_in_mb").asInt()).isEqualTo(64);
        assertThat(sidecar.path("process_types")).hasSize(2);
        assertThat(new String(admin.download("/v3/apps/" + guid + "/manifest").body(),
                java.nio.charset.StandardCharsets.UTF_8)).contains("name: log-shipper").contains("memory: 64M");
        assertThat(admin.get("/v3/audit_events?types=audit.app.apply_manifest&target_guids=" + guid).body()
                .path("resources")).hasSize(1);

        JsonNode again = applyAndWait("""
                applications:
                - name: %s
                  instances: 1
                  routes:
                  - route: shop.%s/cart
                """.formatted(name, domain));
        assertThat(again.path("state").asText()).isEqualTo("COMPLETE");
        assertThat(process(guid, "web").path("instances").asInt()).isEqualTo(1);
        assertThat(routeUrls(guid)).as("an existing mapping is kept, not doubled").hasSize(1);
        assertThat(admin.get("/v3/routes/" + admin.get("/v3/apps/" + guid + "/routes").body().path("resources")
                .path(0).path("guid").asText() + "/destinations").body().path("destinations")).hasSize(1);
    }

    @Test
    void randomDefaultAndNoRoute() {
        String random = Tck.unique("r");
        applyAndWait("applications:\n- name: " + random + "\n  random-route: true\n");
        List<String> urls = routeUrls(app(random).path("guid").asText());
        assertThat(urls).hasSize(1);
        assertThat(urls.get(0)).startsWith(random + "-");

        String byDefault = Tck.unique("d");
        applyAndWait("applications:\n- name: " + byDefault + "\n  default-route: true\n");
        String guid = app(byDefault).path("guid").asText();
        assertThat(routeUrls(guid)).hasSize(1).allMatch(u -> u.startsWith(byDefault + "."));

        applyAndWait("applications:\n- name: " + byDefault + "\n  no-route: true\n");
        assertThat(routeUrls(guid)).isEmpty();
    }

    @Test
    void generatesTheManifestBackAndDiffsAgainstIt() {
        String name = Tck.unique("g");
        applyAndWait("""
                applications:
                - name: %s
                  instances: 2
                  memory: 512M
                  env:
                    MODE: prod
                  routes:
                  - route: gen-%s.%s
                """.formatted(name, name, domain));
        String guid = app(name).path("guid").asText();
        var generated = actors.as(SPACE_DEVELOPER).download("/v3/apps/" + guid + "/manifest");
        assertThat(generated.statusCode()).isEqualTo(200);
        assertThat(generated.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-yaml");
        String yaml = new String(generated.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(yaml).contains("name: " + name).contains("MODE: prod").contains("route: gen-" + name + "." + domain)
                .contains("memory: 512M").contains("instances: 2").contains("type: web");

        ApiResponse same = admin.send("POST", "/v3/spaces/" + space() + "/manifest_diff", yaml,
                "application/x-yaml");
        assertThat(same.status()).as(same.toString()).isEqualTo(201);
        assertThat(same.body().path("diff")).as(same.toString()).isEmpty();

        ApiResponse changed = admin.send("POST", "/v3/spaces/" + space() + "/manifest_diff",
                "applications:\n- name: " + name + "\n  instances: 3\n  env:\n    MODE: dev\n", "application/x-yaml");
        assertThat(changed.body().path("diff").toString()).contains(
                "{\"op\":\"replace\",\"path\":\"/applications/0/instances\",\"was\":2,\"value\":3}",
                "{\"op\":\"replace\",\"path\":\"/applications/0/env/MODE\",\"was\":\"prod\",\"value\":\"dev\"}");
        ApiResponse fresh = admin.send("POST", "/v3/spaces/" + space() + "/manifest_diff",
                "applications:\n- name: brand-new\n  stack: cflinuxfs4\n", "application/x-yaml");
        assertThat(fresh.body().path("diff").toString()).contains("\"op\":\"add\"", "/applications/0/stack");

        actors.check(Expect.byDefault(403).and(200, ADMIN, ADMIN_READ_ONLY, SPACE_DEVELOPER)
                        .and(404, ORG_USER, ORG_BILLING_MANAGER, NO_ROLE, ORG_AUDITOR),
                cf -> {
                    var r = cf.download("/v3/apps/" + guid + "/manifest");
                    return new ApiResponse(r.statusCode(), r.headers(), "", null);
                });
    }

    @Test
    void onlySpaceDevelopersAndAdminsApplyManifests() {
        actors.check(Expect.byDefault(403).and(202, ADMIN, SPACE_DEVELOPER)
                        .and(404, ORG_USER, ORG_BILLING_MANAGER, NO_ROLE, ORG_AUDITOR),
                cf -> apply(cf, "applications:\n- name: " + Tck.unique("rbac") + "\n"));
        assertThat(admin.send("POST", "/v3/spaces/nope/actions/apply_manifest", "applications:\n- name: x\n",
                "application/x-yaml").errorDetail()).isEqualTo("Space not found");
    }

    @Test
    void refusesBadManifestsAndChangesNothing() {
        Cf dev = actors.as(SPACE_DEVELOPER);
        int apps = admin.get("/v3/apps?space_guids=" + space()).body().path("pagination").path("total_results")
                .asInt();
        ApiResponse json = dev.post("/v3/spaces/" + space() + "/actions/apply_manifest", obj("applications", 1));
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.errorDetail()).isEqualTo("Bad request: Content-Type must be yaml");
        assertThat(apply(dev, "applications: [unclosed").errorTitle()).isEqualTo("CF-MessageParseError");
        String bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
                + "applications: [{name: bomb}]\n";
        ApiResponse bombed = apply(dev, bomb);
        assertThat(bombed.status()).isEqualTo(400);
        assertThat(bombed.errorTitle()).isEqualTo("CF-MessageParseError");
        assertThat(apply(dev, "version: 1\n").errorDetail())
                .isEqualTo("Cannot parse manifest with no 'applications' field.");
        assertThat(apply(dev, "version: 2\napplications: [{name: a}]\n").errorDetail())
                .isEqualTo("Unsupported manifest schema version. Currently supported versions: [1].");

        ApiResponse compound = apply(dev, """
                applications:
                - name: bad-one
                  memory: lots
                  instances: -1
                - instances: 1
                """);
        assertThat(compound.status()).isEqualTo(422);
        List<String> details = StreamSupport.stream(compound.body().path("errors").spliterator(), false)
                .map(e -> e.path("detail").asText()).toList();
        assertThat(details).contains(
                "For application 'bad-one': Process \"web\": Instances must be greater than or equal to 0",
                "For application 'bad-one': Process \"web\": Memory must use a supported unit: B, K, KB, M, MB, G, "
                        + "GB, T, or TB",
                "For application at index 1: Name must not be empty");
        assertThat(compound.body().path("errors")).allSatisfy(e ->
                assertThat(e.path("title").asText()).isEqualTo("CF-UnprocessableEntity"));
        assertThat(apply(dev, "applications:\n- name: x\n  random-route: true\n  default-route: true\n")
                .errorDetail()).isEqualTo("For application 'x': Random-route and default-route may not be used together");
        assertThat(admin.get("/v3/apps?space_guids=" + space()).body().path("pagination").path("total_results")
                .asInt()).as("nothing was created").isEqualTo(apps);
    }

    @Test
    void failsTheJobForUnknownDomainsAndServices() {
        String name = Tck.unique("f");
        JsonNode job = applyAndWait("applications:\n- name: " + name + "\n  routes:\n  - route: a.nowhere.invalid\n");
        assertThat(job.path("state").asText()).isEqualTo("FAILED");
        assertThat(job.path("errors").path(0).path("detail").asText()).isEqualTo("For application '" + name
                + "': For route 'a.nowhere.invalid': No domains exist for route a.nowhere.invalid");
        JsonNode services = applyAndWait("applications:\n- name: " + name + "\n  services: [my-db]\n");
        assertThat(services.path("state").asText()).isEqualTo("FAILED");
        assertThat(services.path("errors").path(0).path("detail").asText())
                .isEqualTo("For application '" + name + "': Service instance 'my-db' not found");
    }
}
