package dev.capi.tck.isolationsegments;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Role;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code GET /v3/isolation_segments/:guid/organizations}: the entitled organizations as a paginated list of
 * organization resources; global readers see all of them, others the ones they can read, and a segment none of
 * whose entitled organizations the user can read is 404.
 */
@Checks({
        "GET /v3/organizations/:guid",
        "PATCH /v3/organizations/:guid",
        "POST /v3/isolation_segments",
        "POST /v3/isolation_segments/:guid/relationships/organizations"})
class IsolationSegmentOrganizationsTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;
    static String segment;
    static String otherOrg;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
        otherOrg = tck.createOrg().path("guid").asText();
        segment = segment(actors.orgGuid(), otherOrg);
    }

    static String segment(String... orgs) {
        String guid = admin.post("/v3/isolation_segments", obj("name", Tck.unique("seg"))).body().path("guid")
                .asText();
        if (orgs.length > 0) {
            List<Object> data = new ArrayList<>();
            for (String org : orgs) {
                data.add(obj("guid", org));
            }
            ApiResponse r = admin.post("/v3/isolation_segments/" + guid + "/relationships/organizations",
                    obj("data", data));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        return guid;
    }

    static String path(String guid) {
        return "/v3/isolation_segments/" + guid + "/organizations";
    }

    @Test
    void listsEntitledOrganizationsAsOrganizationResources() {
        ApiResponse r = admin.get(path(segment));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.resourceValues("guid")).containsExactlyInAnyOrder(actors.orgGuid(), otherOrg);
        JsonNode org = r.body().path("resources").path(0);
        assertThat(org.has("name")).isTrue();
        assertThat(org.has("suspended")).isTrue();
        assertThat(org.path("links").path("self").path("href").asText())
                .isEqualTo(tck.baseUrl() + "/v3/organizations/" + org.path("guid").asText());
        assertThat(r.body().path("pagination").path("total_results").asInt()).isEqualTo(2);
        assertThat(r.body().path("pagination").path("first").path("href").asText())
                .startsWith(tck.baseUrl() + path(segment) + "?");
    }

    @Test
    void theRoleMatrix() {
        actors.check(Expect.byDefault(200).and(404, NO_ROLE), cf -> cf.get(path(segment)));
        List<String> mismatches = new ArrayList<>();
        for (Role role : actors.obtainable(Role.values())) {
            Cf cf = actors.as(role);
            if (cf == null || role == NO_ROLE) {
                continue;
            }
            List<String> expected = role == ADMIN || role == ADMIN_READ_ONLY || role == GLOBAL_AUDITOR
                    ? List.of(actors.orgGuid(), otherOrg) : List.of(actors.orgGuid());
            List<String> seen = cf.get(path(segment)).resourceValues("guid");
            if (!(seen.containsAll(expected) && expected.containsAll(seen))) {
                mismatches.add(role + ": expected " + expected + " but saw " + seen);
            }
        }
        if (!mismatches.isEmpty()) {
            fail(String.join("\n", mismatches));
        }
        ApiResponse hidden = actors.as(NO_ROLE).get(path(segment));
        assertThat(hidden.errorTitle()).isEqualTo("CF-ResourceNotFound");
        assertThat(hidden.errorDetail()).isEqualTo("Isolation segment not found");
    }

    @Test
    void aSegmentWithoutVisibleOrganizationsIsForGlobalReadersOnly() {
        String lonely = segment();
        actors.check(Expect.byDefault(404).and(200, ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR),
                cf -> cf.get(path(lonely)));
        assertThat(admin.get(path(lonely)).body().path("resources").size()).isZero();
        String elsewhere = segment(otherOrg);
        actors.check(Expect.byDefault(404).and(200, ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR),
                cf -> cf.get(path(elsewhere)));
        assertThat(admin.get(path("does-not-exist")).status()).isEqualTo(404);
    }

    @Test
    void filtersOrdersAndPaginatesAsOrganizationsDo() {
        String name = admin.get("/v3/organizations/" + otherOrg).body().path("name").asText();
        assertThat(admin.get(path(segment) + "?names=" + name).resourceValues("guid")).containsExactly(otherOrg);
        admin.patch("/v3/organizations/" + otherOrg, obj("metadata", obj("labels", obj("tier", "gold"))));
        assertThat(admin.get(path(segment) + "?label_selector=tier=gold").resourceValues("guid"))
                .containsExactly(otherOrg);
        ApiResponse page = admin.get(path(segment) + "?per_page=1&order_by=-name");
        assertThat(page.body().path("resources").size()).isEqualTo(1);
        assertThat(page.body().path("pagination").path("total_pages").asInt()).isEqualTo(2);
        assertThat(page.body().path("pagination").path("next").path("href").asText())
                .startsWith(tck.baseUrl() + path(segment) + "?");
        ApiResponse bad = admin.get(path(segment) + "?bogus=1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorTitle()).isEqualTo("CF-BadQueryParameter");
    }
}
