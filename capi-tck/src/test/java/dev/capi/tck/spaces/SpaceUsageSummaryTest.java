package dev.capi.tck.spaces;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Multipart;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v3/spaces/:guid/usage_summary}: the space's started instances, memory, routes, managed service
 * instances, reserved ports, per-app tasks and service keys, and its organization's private domains (the reference's
 * SpaceUsageSummaryPresenter); readable by the space's readers, 404 for others.
 */
@Checks({
        "GET /v3/apps/:guid/processes/:type",
        "PATCH /v3/apps/:guid/relationships/current_droplet",
        "POST /v3/apps",
        "POST /v3/apps/:guid/actions/start",
        "POST /v3/apps/:guid/tasks",
        "POST /v3/domains",
        "POST /v3/droplets/:guid/upload",
        "POST /v3/routes"})
class SpaceUsageSummaryTest {
    static final List<String> FIELDS = List.of("started_instances", "memory_in_mb", "routes", "service_instances",
            "reserved_ports", "domains", "per_app_tasks", "service_keys");
    static Tck tck;
    static Cf admin;
    static Cf dev;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
        dev = actors.as(SPACE_DEVELOPER);
    }

    static String path(String space) {
        return "/v3/spaces/" + space + "/usage_summary";
    }

    static JsonNode summary(String space) {
        ApiResponse r = dev.get(path(space));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body().path("usage_summary");
    }

    @Test
    void presentsEveryCountAndLinks() {
        String space = tck.createSpace(tck.createOrg().path("guid").asText()).path("guid").asText();
        ApiResponse r = admin.get(path(space));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> top = new ArrayList<>();
        r.body().fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly("usage_summary", "links");
        List<String> fields = new ArrayList<>();
        r.body().path("usage_summary").fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(FIELDS);
        r.body().path("usage_summary").forEach(v -> assertThat(v.isIntegralNumber()).isTrue());
        r.body().path("usage_summary").forEach(v -> assertThat(v.asLong()).isZero());
        assertThat(r.body().path("links").path("self").path("href").asText()).isEqualTo(tck.baseUrl() + path(space));
        assertThat(r.body().path("links").path("space").path("href").asText())
                .isEqualTo(tck.baseUrl() + "/v3/spaces/" + space);
    }

    @Test
    void spaceReadersSeeItOthersGet404() {
        actors.check(Expect.byDefault(200).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.get(path(actors.spaceGuid())));
        ApiResponse missing = admin.get(path("does-not-exist"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorTitle()).isEqualTo("CF-ResourceNotFound");
        assertThat(missing.errorDetail()).isEqualTo("Space not found");
        ApiResponse hidden = actors.as(ORG_AUDITOR).get(path(actors.spaceGuid()));
        assertThat(hidden.errorDetail()).isEqualTo("Space not found");
        assertThat(tck.anonymous().get(path(actors.spaceGuid())).status()).isEqualTo(401);
    }

    @Test
    void countsWhatTheSpaceUsesAndTheOrganizationsPrivateDomains() {
        String space = actors.spaceGuid();
        long domainsBefore = summary(space).path("domains").asLong();
        ApiResponse domain = admin.post("/v3/domains", obj("name", Tck.unique("d") + ".example.com",
                "relationships", obj("organization", rel(actors.orgGuid()))));
        assertThat(domain.status()).as(domain.toString()).isEqualTo(201);
        ApiResponse route = dev.post("/v3/routes", obj("host", Tck.unique("r"), "relationships",
                obj("space", rel(space), "domain", rel(domain.body().path("guid").asText()))));
        assertThat(route.status()).as(route.toString()).isEqualTo(201);

        String app = dev.post("/v3/apps", obj("name", Tck.unique("usage-app"), "relationships",
                obj("space", rel(space)))).body().path("guid").asText();
        String droplet = dev.post("/v3/droplets", obj("relationships", obj("app", rel(app)), "process_types",
                obj("web", "./serve"))).body().path("guid").asText();
        dev.awaitJob(dev.upload("POST", "/v3/droplets/" + droplet + "/upload", new Multipart()
                .file("bits", "d.tgz", droplet.getBytes(StandardCharsets.UTF_8))));
        dev.patch("/v3/apps/" + app + "/relationships/current_droplet", obj("data", obj("guid", droplet)));
        assertThat(dev.post("/v3/apps/" + app + "/actions/start", null).status()).isEqualTo(200);
        ApiResponse task = dev.post("/v3/apps/" + app + "/tasks", obj("command", "sleep 100", "memory_in_mb", 64));
        assertThat(task.status()).as(task.toString()).isEqualTo(202);

        JsonNode s = summary(space);
        assertThat(s.path("domains").asLong()).isEqualTo(domainsBefore + 1);
        assertThat(s.path("routes").asLong()).isEqualTo(1);
        assertThat(s.path("started_instances").asLong()).isEqualTo(1);
        assertThat(s.path("per_app_tasks").asLong()).isEqualTo(1);
        JsonNode web = dev.get("/v3/apps/" + app + "/processes/web").body();
        assertThat(s.path("memory_in_mb").asLong()).isEqualTo(web.path("memory_in_mb").asLong() + 64);
        assertThat(s.path("service_instances").asLong()).isZero();

        String other = tck.createSpace(actors.orgGuid()).path("guid").asText();
        JsonNode empty = admin.get(path(other)).body().path("usage_summary");
        assertThat(empty.path("routes").asLong()).as("another space's routes do not count").isZero();
        assertThat(empty.path("started_instances").asLong()).isZero();
        assertThat(empty.path("domains").asLong()).as("the organization's domains count").isEqualTo(domainsBefore + 1);
    }
}
