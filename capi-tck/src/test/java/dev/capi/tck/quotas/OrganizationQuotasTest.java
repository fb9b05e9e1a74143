package dev.capi.tck.quotas;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/organization_quotas}. */
class OrganizationQuotasTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    static String createQuota(Object body) {
        ApiResponse r = admin.post("/v3/organization_quotas", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().path("guid").asText();
    }

    static String createQuota() {
        return createQuota(obj("name", Tck.unique("oq")));
    }

    static long quotasNamed(String name) {
        return admin.get("/v3/organization_quotas?names=" + name).body().path("pagination").path("total_results")
                .asLong();
    }

    /** {@code {"data": [{"guid": ...}, ...]}}. */
    static ObjectNode data(String... guids) {
        return obj("data", Arrays.stream(guids).map(g -> Map.of("guid", g)).toList());
    }

    @Nested
    @DisplayName("POST /v3/organization_quotas")
    @Checks({"GET /v3/audit_events", "GET /v3/organization_quotas/:guid", "POST /v3/organization_quotas"})
    class Create {
        @Test
        void createsAQuotaWithEveryLimitAndRecordsAnAuditEvent() {
            String name = Tck.unique("gold");
            ApiResponse r = admin.post("/v3/organization_quotas", obj("name", name,
                    "apps", obj("total_memory_in_mb", 5120, "per_process_memory_in_mb", 1024, "total_instances", 10,
                            "per_app_tasks", 5, "log_rate_limit_in_bytes_per_second", 2000),
                    "services", obj("paid_services_allowed", false, "total_service_instances", 10,
                            "total_service_keys", 20),
                    "routes", obj("total_routes", 8, "total_reserved_ports", 4),
                    "domains", obj("total_domains", 7)));
            assertThat(r.status()).isEqualTo(201);
            JsonNode q = r.body();
            assertThat(q.path("name").asText()).isEqualTo(name);
            assertThat(q.path("apps")).isEqualTo(obj("total_memory_in_mb", 5120, "per_process_memory_in_mb", 1024,
                    "total_instances", 10, "per_app_tasks", 5, "log_rate_limit_in_bytes_per_second", 2000));
            assertThat(q.path("services")).isEqualTo(obj("paid_services_allowed", false,
                    "total_service_instances", 10, "total_service_keys", 20));
            assertThat(q.path("routes")).isEqualTo(obj("total_routes", 8, "total_reserved_ports", 4));
            assertThat(q.path("domains")).isEqualTo(obj("total_domains", 7));
            assertThat(q.path("relationships").path("organizations").path("data")).isEmpty();
            String guid = q.path("guid").asText();
            assertThat(q.path("links").path("self").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/organization_quotas/" + guid);
            ApiResponse events = admin.get("/v3/audit_events?types=audit.organization_quota.create&target_guids="
                    + guid);
            assertThat(events.resourceValues("type")).containsExactly("audit.organization_quota.create");
        }

        @Test
        void unnamedLimitsAreUnlimitedAndPaidServicesAllowed() {
            JsonNode q = admin.get("/v3/organization_quotas/" + createQuota()).body();
            assertThat(q.path("apps").path("total_memory_in_mb").isNull()).isTrue();
            assertThat(q.path("apps").path("log_rate_limit_in_bytes_per_second").isNull()).isTrue();
            assertThat(q.path("services").path("paid_services_allowed").asBoolean()).isTrue();
            assertThat(q.path("services").path("total_service_instances").isNull()).isTrue();
            assertThat(q.path("routes").path("total_routes").isNull()).isTrue();
            assertThat(q.path("domains").path("total_domains").isNull()).isTrue();
        }

        @Test
        void onlyAdminsMayCreate() {
            actors.check(Expect.byDefault(403).and(201, ADMIN),
                    cf -> cf.post("/v3/organization_quotas", obj("name", Tck.unique("oq"))));
        }

        @Test
        void createsAppliedToOrganizations() {
            String org = tck.createOrg().path("guid").asText();
            ApiResponse r = admin.post("/v3/organization_quotas", obj("name", Tck.unique("oq"),
                    "relationships", obj("organizations", data(org))));
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.body().path("relationships").path("organizations").path("data").path(0).path("guid")
                    .asText()).isEqualTo(org);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "{\"name\": \"NAME\", \"foo\": 1}|Unknown field(s): 'foo'",
                "{\"name\": 5}|Name must be a string",
                "{}|Name can't be blank",
                "{\"name\": \"NAME\", \"apps\": {\"total_memory_in_mb\": -1}}|Apps Total memory in mb must be greater than or equal to 0",
                "{\"name\": \"NAME\", \"apps\": {\"per_app_tasks\": 1.5}}|Apps Per app tasks must be an integer",
                "{\"name\": \"NAME\", \"apps\": {\"bogus\": 1}}|Apps Unknown field(s): 'bogus'",
                "{\"name\": \"NAME\", \"services\": {\"paid_services_allowed\": \"yes\"}}|Services Paid services allowed must be a boolean",
                "{\"name\": \"NAME\", \"routes\": 5}|Routes must be an object",
                "{\"name\": \"NAME\", \"domains\": {\"total_domains\": \"x\"}}|Domains Total domains is not a number",
                "{\"name\": \"NAME\", \"routes\": {\"total_routes\": 2, \"total_reserved_ports\": 3}}|Total reserved ports must be -1, 0, or a positive integer, and must be less than or equal to total routes.",
                "{\"name\": \"NAME\", \"relationships\": {\"organizations\": {\"data\": [{\"guid\": \"nope\"}]}}}|Organizations with guids [\"nope\"] do not exist, or you do not have access to them."})
        void refusesBadInputAndCreatesNothing(String body, String detail) {
            String name = Tck.unique("bad");
            ApiResponse r = admin.send("POST", "/v3/organization_quotas", body.replace("NAME", name),
                    "application/json");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
            assertThat(r.errorDetail()).isEqualTo(detail);
            assertThat(quotasNamed(name)).isZero();
        }

        @Test
        void duplicateNamesAreRefused() {
            String name = Tck.unique("dup");
            createQuota(obj("name", name));
            ApiResponse r = admin.post("/v3/organization_quotas", obj("name", name));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo("Organization Quota '" + name + "' already exists.");
            assertThat(quotasNamed(name)).isEqualTo(1);
        }

        @Test
        void newOrganizationsGetTheDefaultQuota() {
            JsonNode org = tck.createOrg();
            String quota = org.path("relationships").path("quota").path("data").path("guid").asText(null);
            assertThat(quota).isNotNull();
            assertThat(admin.get("/v3/organization_quotas/" + quota).status()).isEqualTo(200);
            assertThat(org.path("links").path("quota").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/organization_quotas/" + quota);
        }
    }

    @Nested
    @DisplayName("GET /v3/organization_quotas/:guid")
    @Checks({
            "GET /v3/organization_quotas/:guid",
            "POST /v3/organization_quotas/:quota_guid/relationships/organizations"})
    class Get {
        @Test
        void everyoneReadsQuotasButOnlyTheOrganizationsTheyRead() {
            String guid = createQuota();
            String otherOrg = tck.createOrg().path("guid").asText();
            assertThat(admin.post("/v3/organization_quotas/" + guid + "/relationships/organizations",
                    data(actors.orgGuid(), otherOrg)).status()).isEqualTo(200);
            actors.check(Expect.byDefault(200), cf -> cf.get("/v3/organization_quotas/" + guid));
            assertThat(actors.as(ORG_USER).get("/v3/organization_quotas/" + guid).body().path("relationships")
                    .path("organizations").path("data").findValuesAsText("guid")).containsExactly(actors.orgGuid());
            assertThat(actors.as(NO_ROLE).get("/v3/organization_quotas/" + guid).body().path("relationships")
                    .path("organizations").path("data")).isEmpty();
            assertThat(admin.get("/v3/organization_quotas/" + guid).body().path("relationships")
                    .path("organizations").path("data").findValuesAsText("guid"))
                    .containsExactlyInAnyOrder(actors.orgGuid(), otherOrg);
        }

        @Test
        void unknownQuotasAreNotFound() {
            ApiResponse r = admin.get("/v3/organization_quotas/does-not-exist");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.errorDetail()).isEqualTo("Organization quota not found");
        }
    }

    @Nested
    @DisplayName("GET /v3/organization_quotas")
    @Checks({
            "GET /v3/organization_quotas",
            "GET /v3/organization_quotas/:guid",
            "POST /v3/organization_quotas/:quota_guid/relationships/organizations"})
    class List_ {
        @Test
        void filtersByNamesGuidsAndOrganizations() {
            String a = createQuota();
            String b = createQuota();
            String org = tck.createOrg().path("guid").asText();
            admin.post("/v3/organization_quotas/" + b + "/relationships/organizations", data(org));
            assertThat(admin.get("/v3/organization_quotas?guids=" + a + "," + b).resourceValues("guid"))
                    .containsExactly(a, b);
            assertThat(admin.get("/v3/organization_quotas?organization_guids=" + org).resourceValues("guid"))
                    .containsExactly(b);
            assertThat(actors.as(ORG_MANAGER).get("/v3/organization_quotas?organization_guids=" + org)
                    .resourceValues("guid")).isEmpty();
            String name = admin.get("/v3/organization_quotas/" + a).body().path("name").asText();
            assertThat(actors.as(NO_ROLE).get("/v3/organization_quotas?names=" + name).resourceValues("guid"))
                    .containsExactly(a);
        }

        @Test
        void refusesUnknownParametersWith400() {
            ApiResponse r = admin.get("/v3/organization_quotas?space_guids=x");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorTitle()).isEqualTo("CF-BadQueryParameter");
        }
    }

    @Nested
    @DisplayName("PATCH /v3/organization_quotas/:guid")
    @Checks({"PATCH /v3/organization_quotas/:guid"})
    class Update {
        @Test
        void updatesOnlyWhatIsNamedAndNullMeansUnlimited() {
            String guid = createQuota(obj("name", Tck.unique("upd"), "apps", obj("total_memory_in_mb", 8,
                    "per_app_tasks", 2)));
            String newName = Tck.unique("renamed");
            ApiResponse r = admin.send("PATCH", "/v3/organization_quotas/" + guid, "{\"name\": \"" + newName
                    + "\", \"apps\": {\"total_memory_in_mb\": null, \"per_app_tasks\": 9}}", "application/json");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().path("name").asText()).isEqualTo(newName);
            assertThat(r.body().path("apps").path("total_memory_in_mb").isNull()).isTrue();
            assertThat(r.body().path("apps").path("per_app_tasks").asInt()).isEqualTo(9);
            assertThat(admin.patch("/v3/organization_quotas/" + guid, obj()).body().path("apps"))
                    .isEqualTo(r.body().path("apps"));
        }

        @Test
        void onlyAdminsMayUpdate() {
            String guid = createQuota();
            actors.check(Expect.byDefault(403).and(200, ADMIN),
                    cf -> cf.patch("/v3/organization_quotas/" + guid, obj("apps", obj("total_instances", 3))));
        }

        @Test
        void refusesTakenNamesAndUnknownQuotas() {
            String name = Tck.unique("taken");
            createQuota(obj("name", name));
            ApiResponse r = admin.patch("/v3/organization_quotas/" + createQuota(), obj("name", name));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo("Organization Quota '" + name + "' already exists.");
            assertThat(admin.patch("/v3/organization_quotas/does-not-exist", obj()).status()).isEqualTo(404);
        }
    }

    @Nested
    @DisplayName("POST /v3/organization_quotas/:guid/relationships/organizations")
    @Checks({"GET /v3/organizations/:guid", "POST /v3/organization_quotas/:quota_guid/relationships/organizations"})
    class Apply {
        @Test
        void appliesTheQuotaToOrganizations() {
            String guid = createQuota();
            String org = tck.createOrg().path("guid").asText();
            ApiResponse r = admin.post("/v3/organization_quotas/" + guid + "/relationships/organizations",
                    data(org));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(obj("data", List.of(Map.of("guid", org)), "links",
                    obj("self", obj("href", tck.baseUrl() + "/v3/organization_quotas/" + guid
                            + "/relationships/organizations"))));
            assertThat(admin.get("/v3/organizations/" + org).body().path("relationships").path("quota")
                    .path("data").path("guid").asText()).isEqualTo(guid);
        }

        @Test
        void onlyAdminsMayApply() {
            String guid = createQuota();
            String org = tck.createOrg().path("guid").asText();
            actors.check(Expect.byDefault(403).and(200, ADMIN),
                    cf -> cf.post("/v3/organization_quotas/" + guid + "/relationships/organizations",
                            data(org)));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "{\"data\": [{\"guid\": \"not a real guid\"}]}|Organizations with guids [\"not a real guid\"] do not exist",
                "{\"data\": [{\"guid\": 8}]}|Invalid data type: Data[0] guid should be a string.",
                "{\"data\": []}|Data can't be blank"})
        void refusesBadData(String body, String detail) {
            ApiResponse r = admin.send("POST", "/v3/organization_quotas/" + createQuota()
                    + "/relationships/organizations", body, "application/json");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo(detail);
        }
    }

    @Nested
    @DisplayName("DELETE /v3/organization_quotas/:guid")
    @Checks({
            "DELETE /v3/organization_quotas/:guid",
            "GET /v3/organization_quotas/:guid",
            "POST /v3/organization_quotas/:quota_guid/relationships/organizations"})
    class Delete {
        @Test
        void deletesAnUnusedQuotaWithAJob() {
            String guid = createQuota();
            ApiResponse r = admin.delete("/v3/organization_quotas/" + guid);
            assertThat(r.status()).isEqualTo(202);
            JsonNode job = admin.awaitJob(r);
            assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
            assertThat(job.path("operation").asText()).isEqualTo("organization_quota.delete");
            assertThat(admin.get("/v3/organization_quotas/" + guid).status()).isEqualTo(404);
        }

        @Test
        void aQuotaStillAppliedIsNotDeleted() {
            String guid = createQuota();
            String org = tck.createOrg().path("guid").asText();
            admin.post("/v3/organization_quotas/" + guid + "/relationships/organizations", data(org));
            ApiResponse r = admin.delete("/v3/organization_quotas/" + guid);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo("This quota is applied to one or more organizations. Apply "
                    + "different quotas to those organizations before deleting.");
            assertThat(admin.get("/v3/organization_quotas/" + guid).status()).isEqualTo(200);
        }

        @Test
        void onlyAdminsMayDelete() {
            actors.check(Expect.byDefault(403).and(202, ADMIN),
                    cf -> cf.delete("/v3/organization_quotas/" + createQuota()));
            assertThat(admin.delete("/v3/organization_quotas/does-not-exist").status()).isEqualTo(404);
        }
    }
}
