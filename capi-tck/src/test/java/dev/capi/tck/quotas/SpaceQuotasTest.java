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
import java.util.Map;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/space_quotas}: org managers own their org's space quotas; space roles read applied ones. */
class SpaceQuotasTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    static ObjectNode data(String... guids) {
        return obj("data", Arrays.stream(guids).map(g -> Map.of("guid", g)).toList());
    }

    static ObjectNode body(String name, String org, String... spaces) {
        ObjectNode rels = obj("organization", rel(org));
        if (spaces.length > 0) {
            rels.set("spaces", data(spaces));
        }
        return obj("name", name, "relationships", rels);
    }

    static String createQuota(String... spaces) {
        ApiResponse r = admin.post("/v3/space_quotas", body(Tck.unique("sq"), actors.orgGuid(), spaces));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().path("guid").asText();
    }

    static String path(String guid) {
        return "/v3/space_quotas/" + guid;
    }

    static long quotasNamed(String name) {
        return admin.get("/v3/space_quotas?names=" + name).body().path("pagination").path("total_results").asLong();
    }

    /** 404 for those who cannot read a quota applied to the actors' space, 403 for readers who cannot write it. */
    static Expect writersOfAnAppliedQuota(int success) {
        return Expect.byDefault(403).and(success, ADMIN, ORG_MANAGER)
                .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE);
    }

    @Nested
    @DisplayName("POST /v3/space_quotas")
    @Checks({"GET /v3/audit_events", "POST /v3/space_quotas"})
    class Create {
        @Test
        void createsAQuotaOwnedByTheOrganization() {
            String name = Tck.unique("sq");
            ObjectNode b = body(name, actors.orgGuid(), actors.spaceGuid());
            b.set("apps", obj("total_memory_in_mb", 512));
            b.set("routes", obj("total_routes", 10));
            ApiResponse r = actors.as(ORG_MANAGER).post("/v3/space_quotas", b);
            assertThat(r.status()).isEqualTo(201);
            JsonNode q = r.body();
            String guid = q.path("guid").asText();
            assertThat(q.path("name").asText()).isEqualTo(name);
            assertThat(q.path("apps").path("total_memory_in_mb").asInt()).isEqualTo(512);
            assertThat(q.path("apps").path("per_process_memory_in_mb").isNull()).isTrue();
            assertThat(q.path("services").path("paid_services_allowed").asBoolean()).isTrue();
            assertThat(q.path("routes").path("total_routes").asInt()).isEqualTo(10);
            assertThat(q.has("domains")).isFalse();
            assertThat(q.path("relationships")).isEqualTo(obj("organization", rel(actors.orgGuid()),
                    "spaces", data(actors.spaceGuid())));
            assertThat(q.path("links")).isEqualTo(obj(
                    "self", obj("href", tck.baseUrl() + "/v3/space_quotas/" + guid),
                    "organization", obj("href", tck.baseUrl() + "/v3/organizations/" + actors.orgGuid())));
            assertThat(admin.get("/v3/audit_events?types=audit.space_quota.create&target_guids=" + guid)
                    .resourceValues("type")).containsExactly("audit.space_quota.create");
        }

        @Test
        void adminsAndOrgManagersMayCreate() {
            actors.check(Expect.byDefault(403).and(201, ADMIN, ORG_MANAGER),
                    cf -> cf.post("/v3/space_quotas", body(Tck.unique("sq"), actors.orgGuid())));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "{\"name\": \"NAME\"}|Relationships 'relationships' is not an object",
                "{\"relationships\": {\"organization\": {\"data\": {\"guid\": \"ORG\"}}}}|Name can't be blank",
                "{\"name\": \"NAME\", \"domains\": {}, \"relationships\": {\"organization\": {\"data\": {\"guid\": \"ORG\"}}}}|Unknown field(s): 'domains'",
                "{\"name\": \"NAME\", \"relationships\": {\"organization\": {\"data\": {\"guid\": \"not-real\"}}}}|Organization with guid 'not-real' does not exist, or you do not have access to it.",
                "{\"name\": \"NAME\", \"relationships\": {\"organization\": {\"data\": {\"guid\": \"ORG\"}}, \"spaces\": {\"data\": [{\"guid\": \"not-real\"}]}}}|Spaces with guids [\"not-real\"] do not exist within the organization specified, or you do not have access to them.",
                "{\"name\": \"NAME\", \"apps\": {\"total_instances\": -2}, \"relationships\": {\"organization\": {\"data\": {\"guid\": \"ORG\"}}}}|Apps Total instances must be greater than or equal to 0"})
        void refusesBadInputAndCreatesNothing(String json, String detail) {
            String name = Tck.unique("bad");
            ApiResponse r = admin.send("POST", "/v3/space_quotas", json.replace("NAME", name)
                    .replace("ORG", actors.orgGuid()), "application/json");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo(detail);
            assertThat(quotasNamed(name)).isZero();
        }

        @Test
        void namesAreUniquePerOrganization() {
            String name = Tck.unique("dup");
            assertThat(admin.post("/v3/space_quotas", body(name, actors.orgGuid())).status()).isEqualTo(201);
            ApiResponse r = admin.post("/v3/space_quotas", body(name, actors.orgGuid()));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo("Space Quota '" + name + "' already exists.");
            String otherOrg = tck.createOrg().path("guid").asText();
            assertThat(admin.post("/v3/space_quotas", body(name, otherOrg)).status()).isEqualTo(201);
        }
    }

    @Nested
    @DisplayName("GET /v3/space_quotas/:guid")
    @Checks({"GET /v3/space_quotas/:guid"})
    class Get {
        @Test
        void aQuotaAppliedToASpaceIsReadByItsSpaceRolesAndOrgManagers() {
            String guid = createQuota(actors.spaceGuid());
            actors.check(Expect.byDefault(200).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.get(path(guid)));
        }

        @Test
        void anUnappliedQuotaIsReadByOrgManagersAndGlobalReadersOnly() {
            String guid = createQuota();
            actors.check(Expect.byDefault(404).and(200, ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR, ORG_MANAGER),
                    cf -> cf.get(path(guid)));
            ApiResponse missing = admin.get(path("does-not-exist"));
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.errorDetail()).isEqualTo("Space quota not found");
        }
    }

    @Nested
    @DisplayName("GET /v3/space_quotas")
    @Checks({"GET /v3/space_quotas"})
    class List_ {
        @Test
        void listsOnlyVisibleQuotasAndFilters() {
            String applied = createQuota(actors.spaceGuid());
            String unapplied = createQuota();
            assertThat(actors.as(SPACE_DEVELOPER).get("/v3/space_quotas").resourceValues("guid"))
                    .contains(applied).doesNotContain(unapplied);
            assertThat(actors.as(ORG_MANAGER).get("/v3/space_quotas?organization_guids=" + actors.orgGuid())
                    .resourceValues("guid")).contains(applied, unapplied);
            assertThat(actors.as(ORG_AUDITOR).get("/v3/space_quotas").resourceValues("guid")).isEmpty();
            assertThat(admin.get("/v3/space_quotas?space_guids=" + actors.spaceGuid() + "&guids=" + applied)
                    .resourceValues("guid")).containsExactly(applied);
        }

        @Test
        void refusesUnknownParametersWith422() {
            ApiResponse r = admin.get("/v3/space_quotas?bogus=1");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
            assertThat(r.errorDetail()).startsWith("Unknown query parameter(s): 'bogus'");
        }
    }

    @Nested
    @DisplayName("PATCH /v3/space_quotas/:guid")
    @Checks({"GET /v3/space_quotas/:guid", "PATCH /v3/organizations/:guid", "PATCH /v3/space_quotas/:guid"})
    class Update {
        @Test
        void adminsAndOrgManagersMayUpdate() {
            String guid = createQuota(actors.spaceGuid());
            actors.check(writersOfAnAppliedQuota(200),
                    cf -> cf.patch(path(guid), obj("apps", obj("per_app_tasks", 4))));
            assertThat(admin.get(path(guid)).body().path("apps").path("per_app_tasks").asInt()).isEqualTo(4);
        }

        @Test
        void refusesUnknownFieldsAndSuspendedOrganizations() {
            String guid = createQuota(actors.spaceGuid());
            ApiResponse r = admin.patch(path(guid), obj("wat", 1));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo("Unknown field(s): 'wat'");
            admin.patch("/v3/organizations/" + actors.orgGuid(), obj("suspended", true));
            try {
                ApiResponse suspended = actors.as(ORG_MANAGER).patch(path(guid), obj());
                assertThat(suspended.status()).isEqualTo(403);
                assertThat(suspended.errorTitle()).isEqualTo("CF-OrgSuspended");
                assertThat(admin.patch(path(guid), obj()).status()).isEqualTo(200);
            } finally {
                admin.patch("/v3/organizations/" + actors.orgGuid(), obj("suspended", false));
            }
        }
    }

    @Nested
    @DisplayName("POST /v3/space_quotas/:guid/relationships/spaces")
    @Checks({"GET /v3/space_quotas", "POST /v3/space_quotas/:quota_guid/relationships/spaces"})
    class Apply {
        @Test
        void appliesTheQuotaToSpacesOfItsOrganization() {
            String guid = createQuota();
            String space = tck.createSpace(actors.orgGuid()).path("guid").asText();
            ApiResponse r = actors.as(ORG_MANAGER).post(path(guid) + "/relationships/spaces", data(space));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(obj("data", data(space).get("data"), "links",
                    obj("self", obj("href", tck.baseUrl() + path(guid) + "/relationships/spaces"))));
            assertThat(admin.get("/v3/space_quotas?space_guids=" + space).resourceValues("guid"))
                    .containsExactly(guid);
        }

        @Test
        void adminsAndOrgManagersMayApply() {
            String guid = createQuota(actors.spaceGuid());
            actors.check(writersOfAnAppliedQuota(200),
                    cf -> cf.post(path(guid) + "/relationships/spaces", data(actors.spaceGuid())));
        }

        @Test
        void refusesSpacesOutsideTheOrganization() {
            String guid = createQuota();
            String otherOrg = tck.createOrg().path("guid").asText();
            String otherSpace = tck.createSpace(otherOrg).path("guid").asText();
            ApiResponse r = admin.post(path(guid) + "/relationships/spaces", data(otherSpace));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo("Space quotas cannot be applied outside of their owning organization.");
            ApiResponse asManager = actors.as(ORG_MANAGER).post(path(guid) + "/relationships/spaces",
                    data(otherSpace));
            assertThat(asManager.errorDetail()).isEqualTo("Spaces with guids [\"" + otherSpace
                    + "\"] do not exist, or you do not have access to them.");
            ApiResponse badType = admin.send("POST", path(guid) + "/relationships/spaces",
                    "{\"data\": [{\"guid\": \"" + actors.spaceGuid() + "\"}, {\"guid\": 5}]}", "application/json");
            assertThat(badType.errorDetail()).isEqualTo("Invalid data type: Data[1] guid should be a string.");
        }
    }

    @Nested
    @DisplayName("DELETE /v3/space_quotas/:guid/relationships/spaces/:space_guid")
    @Checks({
            "DELETE /v3/space_quotas/:quota_guid/relationships/spaces/:space_guid",
            "POST /v3/space_quotas/:quota_guid/relationships/spaces"})
    class Remove {
        @Test
        void adminsAndOrgManagersMayRemove() {
            String guid = createQuota(actors.spaceGuid());
            actors.check(writersOfAnAppliedQuota(204), cf -> {
                admin.post(path(guid) + "/relationships/spaces", data(actors.spaceGuid()));
                return cf.delete(path(guid) + "/relationships/spaces/" + actors.spaceGuid());
            });
        }

        @Test
        void refusesSpacesTheQuotaIsNotAppliedTo() {
            String guid = createQuota();
            ApiResponse r = admin.delete(path(guid) + "/relationships/spaces/" + actors.spaceGuid());
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo("Unable to remove quota from space with guid '"
                    + actors.spaceGuid() + "'. Ensure the space quota is applied to this space.");
        }
    }

    @Nested
    @DisplayName("DELETE /v3/space_quotas/:guid")
    @Checks({"DELETE /v3/space_quotas/:guid", "GET /v3/space_quotas/:guid"})
    class Delete {
        @Test
        void deletesAnUnusedQuotaWithAJob() {
            String guid = createQuota();
            ApiResponse r = actors.as(ORG_MANAGER).delete(path(guid));
            assertThat(r.status()).isEqualTo(202);
            JsonNode job = admin.awaitJob(r);
            assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
            assertThat(job.path("operation").asText()).isEqualTo("space_quota.delete");
            assertThat(admin.get(path(guid)).status()).isEqualTo(404);
        }

        @Test
        void adminsAndOrgManagersMayDeleteUnappliedQuotas() {
            actors.check(Expect.byDefault(404).and(202, ADMIN, ORG_MANAGER).and(403, ADMIN_READ_ONLY,
                    GLOBAL_AUDITOR), cf -> cf.delete(path(createQuota())));
        }

        @Test
        void aQuotaStillAppliedIsNotDeleted() {
            String guid = createQuota(actors.spaceGuid());
            ApiResponse r = admin.delete(path(guid));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo("This quota is applied to one or more spaces. Remove this quota "
                    + "from all spaces before deleting.");
        }
    }
}
