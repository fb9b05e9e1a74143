package dev.capi.tck.scenarios;

import dev.capi.tck.support.Checks;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Multipart;
import dev.capi.tck.support.Zips;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.ORG_MANAGER;
import static dev.capi.tck.support.Role.SPACE_DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform administration issue tried as a new user would: an admin shapes an org (a 1 GB quota, a space quota,
 * an entitled default isolation segment, a security group bound to a space, an uploaded buildpack), then an org manager and a space
 * developer try the same calls and get exactly what the reference's matrix allows; the quota is enforced.
 */
@Checks({
        "GET /v3/apps/:guid/processes/:type",
        "GET /v3/buildpacks/:guid",
        "GET /v3/domains",
        "GET /v3/isolation_segments/:guid",
        "GET /v3/organization_quotas/:guid",
        "GET /v3/organizations/:guid",
        "GET /v3/security_groups/:guid",
        "GET /v3/spaces/:guid/running_security_groups",
        "PATCH /v3/organization_quotas/:guid",
        "PATCH /v3/organizations/:guid/relationships/default_isolation_segment",
        "PATCH /v3/spaces/:guid/relationships/isolation_segment",
        "POST /v3/apps",
        "POST /v3/buildpacks",
        "POST /v3/buildpacks/:guid/upload",
        "POST /v3/isolation_segments",
        "POST /v3/isolation_segments/:guid/relationships/organizations",
        "POST /v3/organization_quotas",
        "POST /v3/organization_quotas/:quota_guid/relationships/organizations",
        "POST /v3/processes/:guid/actions/scale",
        "POST /v3/routes",
        "POST /v3/security_groups",
        "POST /v3/security_groups/:guid/relationships/running_spaces",
        "POST /v3/security_groups/:guid/relationships/staging_spaces",
        "POST /v3/space_quotas"})
class PlatformAdministrationScenarioTest {
    private final Tck tck = Tck.get();
    private final Cf admin = tck.admin();

    @Test
    void adminShapesAnOrgAndOthersGetWhatTheMatrixAllows() {
        Actors actors = tck.actors();
        String org = actors.orgGuid();
        String space = actors.spaceGuid();

        ApiResponse quota = admin.post("/v3/organization_quotas", obj("name", Tck.unique("one-gb"),
                "apps", obj("total_memory_in_mb", 1024)));
        assertThat(quota.status()).as(quota.toString()).isEqualTo(201);
        String quotaGuid = quota.body().path("guid").asText();
        assertThat(admin.post("/v3/organization_quotas/" + quotaGuid + "/relationships/organizations",
                obj("data", List.of(obj("guid", org)))).status()).isEqualTo(200);
        assertThat(admin.get("/v3/organizations/" + org).body().path("relationships").path("quota").path("data")
                .path("guid").asText()).isEqualTo(quotaGuid);

        ApiResponse spaceQuota = admin.post("/v3/space_quotas", obj("name", Tck.unique("half-gb"),
                "apps", obj("total_memory_in_mb", 512), "relationships", obj("organization", rel(org),
                        "spaces", obj("data", List.of(obj("guid", space))))));
        assertThat(spaceQuota.status()).as(spaceQuota.toString()).isEqualTo(201);

        ApiResponse segment = admin.post("/v3/isolation_segments", obj("name", Tck.unique("segment")));
        assertThat(segment.status()).isEqualTo(201);
        String segmentGuid = segment.body().path("guid").asText();
        assertThat(admin.post("/v3/isolation_segments/" + segmentGuid + "/relationships/organizations",
                obj("data", List.of(obj("guid", org)))).status()).isEqualTo(200);
        ApiResponse defaulted = admin.patch("/v3/organizations/" + org + "/relationships/default_isolation_segment",
                obj("data", obj("guid", segmentGuid)));
        assertThat(defaulted.status()).as(defaulted.toString()).isEqualTo(200);
        assertThat(defaulted.body().path("data").path("guid").asText()).isEqualTo(segmentGuid);

        ApiResponse group = admin.post("/v3/security_groups", obj("name", Tck.unique("sg"), "rules",
                List.of(obj("protocol", "tcp", "destination", "10.0.0.0/8", "ports", "443"))));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        String groupGuid = group.body().path("guid").asText();
        assertThat(admin.post("/v3/security_groups/" + groupGuid + "/relationships/running_spaces",
                obj("data", List.of(obj("guid", space)))).status()).isEqualTo(200);
        assertThat(admin.get("/v3/spaces/" + space + "/running_security_groups").resourceValues("guid"))
                .contains(groupGuid);

        ApiResponse buildpack = admin.post("/v3/buildpacks", obj("name", Tck.unique("scenario_bp")));
        assertThat(buildpack.status()).isEqualTo(201);
        String buildpackGuid = buildpack.body().path("guid").asText();
        byte[] zip = Zips.of(java.util.Map.of("bin/detect", "#!/bin/sh\necho scenario"));
        ApiResponse uploaded = admin.upload("POST", "/v3/buildpacks/" + buildpackGuid + "/upload",
                new Multipart().file("bits", "scenario-buildpack.zip", zip));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(202);
        assertThat(admin.awaitJob(uploaded).path("state").asText()).isEqualTo("COMPLETE");
        JsonNode ready = admin.get("/v3/buildpacks/" + buildpackGuid).body();
        assertThat(ready.path("state").asText()).isEqualTo("READY");
        assertThat(ready.path("filename").asText()).isEqualTo("scenario-buildpack.zip");

        Cf manager = actors.as(ORG_MANAGER);
        Cf developer = actors.as(SPACE_DEVELOPER);
        assertThat(manager.post("/v3/organization_quotas", obj("name", Tck.unique("q"))).status()).isEqualTo(403);
        assertThat(manager.get("/v3/organization_quotas/" + quotaGuid).status()).isEqualTo(200);
        assertThat(manager.post("/v3/space_quotas", obj("name", Tck.unique("sq"), "relationships",
                obj("organization", rel(org)))).status()).as("org managers manage their space quotas").isEqualTo(201);
        assertThat(developer.post("/v3/space_quotas", obj("name", Tck.unique("sq"), "relationships",
                obj("organization", rel(org)))).status()).isEqualTo(403);
        assertThat(manager.post("/v3/isolation_segments", obj("name", Tck.unique("s"))).status()).isEqualTo(403);
        assertThat(manager.get("/v3/isolation_segments/" + segmentGuid).status()).isEqualTo(200);
        assertThat(manager.patch("/v3/spaces/" + space + "/relationships/isolation_segment",
                obj("data", obj("guid", segmentGuid))).status()).as("org managers assign entitled segments")
                .isEqualTo(200);
        assertThat(developer.patch("/v3/spaces/" + space + "/relationships/isolation_segment",
                obj("data", obj("guid", segmentGuid))).status()).isEqualTo(403);
        assertThat(manager.post("/v3/security_groups", obj("name", Tck.unique("sg"))).status()).isEqualTo(403);
        assertThat(manager.upload("POST", "/v3/buildpacks/" + buildpackGuid + "/upload",
                new Multipart().file("bits", "x.zip", zip)).status()).isEqualTo(403);
        assertThat(developer.get("/v3/buildpacks/" + buildpackGuid).status()).isEqualTo(200);
        assertThat(developer.get("/v3/security_groups/" + groupGuid).status())
                .as("a group bound to the developer's space is visible").isEqualTo(200);
        assertThat(developer.post("/v3/security_groups/" + groupGuid + "/relationships/staging_spaces",
                obj("data", List.of(obj("guid", space)))).status()).isEqualTo(403);

        ApiResponse app = developer.post("/v3/apps", obj("name", Tck.unique("big"), "relationships",
                obj("space", rel(space))));
        String web = developer.get("/v3/apps/" + app.body().path("guid").asText() + "/processes/web").body()
                .path("guid").asText();
        assertThat(developer.post("/v3/processes/" + web + "/actions/scale", obj("instances", 2, "memory_in_mb",
                1024)).status()).as("a stopped process is not held to the memory quota").isEqualTo(202);

        assertThat(admin.patch("/v3/organization_quotas/" + quotaGuid, obj("routes", obj("total_routes", 0)))
                .status()).isEqualTo(200);
        String domain = admin.get("/v3/domains?per_page=1").body().path("resources").path(0).path("guid").asText();
        ApiResponse route = developer.post("/v3/routes", obj("host", Tck.unique("r"), "relationships",
                obj("space", rel(space), "domain", rel(domain))));
        assertThat(route.status()).as(route.toString()).isEqualTo(422);
        assertThat(route.errorDetail()).contains("quota");
    }
}
