package dev.capi.tck.events;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Role;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance of {@code /v3/audit_events}: events appear when organizations change, and each role sees what the
 * reference's readable_event_dataset grants (global readers all; space auditors/developers/supporters their space's
 * events; org auditors every event of their org; managers and billing managers none).
 */
class AuditEventsTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    private static JsonNode events(String query) {
        ApiResponse r = admin.get("/v3/audit_events?" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body().path("resources");
    }

    /** The newest event of {@code type} about {@code target}. */
    private static JsonNode event(String type, String target) {
        JsonNode found = events("types=" + type + "&target_guids=" + target + "&order_by=-created_at");
        assertThat(found).as(type + " of " + target).isNotEmpty();
        return found.get(0);
    }

    @Nested
    @DisplayName("GET /v3/audit_events")
    @Checks({"GET /v3/audit_events", "PATCH /v3/organizations/:guid", "POST /v3/organizations"})
    class List {
        @Test
        void organizationCreateAndUpdateAreRecorded() {
            String name = Tck.unique("org");
            String guid = admin.post("/v3/organizations", obj("name", name)).body().path("guid").asText();
            admin.patch("/v3/organizations/" + guid, obj("name", name + "-renamed"));
            JsonNode found = events("target_guids=" + guid + "&order_by=created_at");
            java.util.List<String> types = new java.util.ArrayList<>();
            found.forEach(e -> types.add(e.path("type").asText()));
            assertThat(types)
                    .containsExactly("audit.organization.create", "audit.organization.update");
            JsonNode created = found.get(0);
            assertThat(created.path("guid").asText()).isNotEmpty();
            assertThat(created.path("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            assertThat(created.path("updated_at").asText()).isEqualTo(created.path("created_at").asText());
            assertThat(created.path("actor").path("type").asText()).isEqualTo("user");
            assertThat(created.path("actor").path("guid").asText()).isEqualTo(Tck.userGuid(admin));
            assertThat(created.path("target").path("guid").asText()).isEqualTo(guid);
            assertThat(created.path("target").path("type").asText()).isEqualTo("organization");
            assertThat(created.path("target").path("name").asText()).isEqualTo(name);
            assertThat(created.path("data").path("request").path("name").asText()).isEqualTo(name);
            assertThat(created.path("space").isNull()).isTrue();
            assertThat(created.path("organization").path("guid").asText()).isEqualTo(guid);
            assertThat(created.path("links").path("self").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/audit_events/" + created.path("guid").asText());
            assertThat(found.get(1).path("target").path("name").asText()).isEqualTo(name + "-renamed");
        }

        @Test
        void filtersByTypesTargetsAndTimestamps() {
            String a = tck.createOrg().path("guid").asText();
            String b = tck.createOrg().path("guid").asText();
            String both = "target_guids=" + a + "," + b;
            assertThat(events(both + "&types=audit.organization.create")).hasSize(2);
            assertThat(events("organization_guids=" + a + "&target_guids%5Bnot%5D=" + a)).isEmpty();
            assertThat(events("organization_guids=" + b + "&target_guids%5Bnot%5D=" + a)).hasSize(1);
            assertThat(events(both + "&created_ats%5Blt%5D=2000-01-01T00:00:00Z")).isEmpty();
            assertThat(events(both + "&created_ats%5Bgt%5D=2000-01-01T00:00:00Z")).hasSize(2);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "target_guids%5Bin%5D=x|Target guids target_guids has an invalid operator",
                "created_ats%5Bafter%5D=2020-01-01T00:00:00Z|Invalid relational operator: 'after'",
                "order_by=name|Order by can only be: 'created_at', 'updated_at'",
                "actor_guids=x|Unknown query parameter(s): 'actor_guids'"})
        void refusesBadQueryParameters(String query, String detail) {
            ApiResponse r = admin.get("/v3/audit_events?" + query);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorTitle()).isEqualTo("CF-BadQueryParameter");
            assertThat(r.errorDetail()).startsWith("The query parameter is invalid: " + detail);
        }

        @Test
        void eachRoleListsOnlyTheEventsItMaySee() {
            String org = actors.orgGuid();
            String orgCreate = event("audit.organization.create", org).path("guid").asText();
            for (Role role : actors.obtainable(Role.values())) {
                Cf cf = actors.as(role);
                if (cf == null) {
                    continue;
                }
                ApiResponse r = cf.get("/v3/audit_events?organization_guids=" + org);
                assertThat(r.status()).as(role.name()).isEqualTo(200);
                boolean seesOrgEvents = role == ADMIN || role == ADMIN_READ_ONLY || role == GLOBAL_AUDITOR
                        || role == ORG_AUDITOR;
                assertThat(r.resourceValues("guid").contains(orgCreate))
                        .as(role.name()).isEqualTo(seesOrgEvents);
            }
        }
    }

    @Nested
    @DisplayName("GET /v3/audit_events/:guid")
    @Checks({"GET /v3/audit_events/:guid"})
    class Get {
        @Test
        void anOrganizationEventIsVisibleToGlobalReadersAndOrgAuditors() {
            String guid = event("audit.organization.create", actors.orgGuid()).path("guid").asText();
            actors.check(Expect.byDefault(404).and(200, ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR, ORG_AUDITOR),
                    cf -> cf.get("/v3/audit_events/" + guid));
        }

        @Test
        void aSpaceEventIsVisibleToSpaceAuditorsDevelopersSupportersAndOrgAuditors() {
            String guid = event("audit.space.create", actors.spaceGuid()).path("guid").asText();
            actors.check(Expect.byDefault(404).and(200, ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR, ORG_AUDITOR,
                    SPACE_AUDITOR, SPACE_DEVELOPER, SPACE_SUPPORTER), cf -> cf.get("/v3/audit_events/" + guid));
        }

        @Test
        void anUnknownGuidIsNotFound() {
            ApiResponse r = admin.get("/v3/audit_events/does-not-exist");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.errorTitle()).isEqualTo("CF-ResourceNotFound");
            assertThat(r.errorDetail()).isEqualTo("Event not found");
        }
    }
}
