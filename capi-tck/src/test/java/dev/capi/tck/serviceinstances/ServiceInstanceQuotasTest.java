package dev.capi.tck.serviceinstances;

import dev.capi.tck.fixtures.broker.FixtureBroker;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Checks;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Quotas on managed instances answer as the reference's create and update actions do: 400 with
 * ServiceInstanceQuotaExceeded, ServiceInstanceSpaceQuotaExceeded, ServiceInstanceServicePlanNotAllowed and
 * ServiceInstanceServicePlanNotAllowedBySpaceQuota, and nothing is created or changed; service keys are refused with
 * the reference's 422.
 */
@Checks({"PATCH /v3/service_instances/:guid", "POST /v3/organization_quotas",
        "POST /v3/space_quotas", "GET /v3/service_instances", "GET /v3/service_credential_bindings"})
class ServiceInstanceQuotasTest {
    static Tck tck;
    static Cf admin;
    static SeededCatalog catalog;

    @BeforeAll
    static void setUp() throws Exception {
        tck = Tck.get();
        assumeTrue(tck.isEmbedded(), "seeding the catalog needs the embedded server");
        admin = tck.admin();
        catalog = SeededCatalog.seed(tck, FixtureBroker.shared());
    }

    private static ApiResponse create(String space, String plan) {
        return admin.post("/v3/service_instances", obj("type", "managed", "name", Tck.unique("db"),
                "relationships", obj("space", rel(space), "service_plan", rel(plan))));
    }

    private static long instancesIn(String space) {
        return admin.get("/v3/service_instances?space_guids=" + space).body().path("pagination")
                .path("total_results").asLong();
    }

    private static void refused(ApiResponse r, int code, String title, String detail) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo(code);
        assertThat(r.errorTitle()).isEqualTo(title);
        assertThat(r.errorDetail()).isEqualTo(detail);
    }

    @Test
    void organizationAndSpaceQuotasRefuseInstancesAndPaidPlansWith400() {
        String org = tck.createOrg().path("guid").asText();
        String space = tck.createSpace(org).path("guid").asText();
        ApiResponse quota = admin.post("/v3/organization_quotas", obj("name", Tck.unique("oq"),
                "services", obj("paid_services_allowed", false, "total_service_instances", 1,
                        "total_service_keys", 0),
                "relationships", obj("organizations", obj("data", List.of(obj("guid", org))))));
        assertThat(quota.status()).as(quota.toString()).isEqualTo(201);

        refused(create(space, catalog.large()), 60007, "CF-ServiceInstanceServicePlanNotAllowed",
                "The service instance cannot be created because paid service plans are not allowed.");
        assertThat(instancesIn(space)).isZero();
        ApiResponse first = create(space, catalog.small());
        assertThat(first.status()).isEqualTo(202);
        assertThat(admin.awaitJob(first).path("state").asText()).isEqualTo("COMPLETE");
        refused(create(space, catalog.small()), 60005, "CF-ServiceInstanceQuotaExceeded",
                "You have exceeded your organization's services limit.");
        assertThat(instancesIn(space)).isOne();
        String created = admin.get("/v3/service_instances?space_guids=" + space).body().path("resources").get(0)
                .path("guid").asText();
        ApiResponse key = admin.post("/v3/service_credential_bindings", obj("type", "key", "name", "k",
                "relationships", obj("service_instance", rel(created))));
        assertThat(key.status()).as(key.toString()).isEqualTo(422);
        assertThat(key.errorTitle()).isEqualTo("CF-UnprocessableEntity");
        assertThat(key.errorDetail()).isEqualTo("You have exceeded your organization's limit for service binding of "
                + "type key.");
        assertThat(admin.get("/v3/service_credential_bindings?service_instance_guids=" + created).body()
                .path("pagination").path("total_results").asInt()).as("no key was created").isZero();

        ApiResponse spaceQuota = admin.post("/v3/space_quotas", obj("name", Tck.unique("sq"),
                "services", obj("paid_services_allowed", false, "total_service_instances", 0),
                "relationships", obj("organization", rel(org), "spaces", obj("data", List.of(obj("guid", space))))));
        assertThat(spaceQuota.status()).as(spaceQuota.toString()).isEqualTo(201);
        refused(create(space, catalog.small()), 60012, "CF-ServiceInstanceSpaceQuotaExceeded",
                "You have exceeded your space's services limit.");

        String si = admin.get("/v3/service_instances?space_guids=" + space).body().path("resources").get(0)
                .path("guid").asText();
        refused(admin.patch("/v3/service_instances/" + si, obj("relationships", obj("service_plan",
                        rel(catalog.large())))), 60013, "CF-ServiceInstanceServicePlanNotAllowedBySpaceQuota",
                "The service instance cannot be created because paid service plans are not allowed for your space.");
        assertThat(admin.get("/v3/service_instances/" + si).body().path("relationships").path("service_plan")
                .path("data").path("guid").asText()).as("nothing changed").isEqualTo(catalog.small());
        assertThat(instancesIn(space)).isOne();
        assertThat(admin.delete("/v3/service_instances/" + si + "?purge=true").status()).isEqualTo(204);
    }
}
