package dev.capi.tck.domains;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.List;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/domains}, the organization's domains and route reservations. */
class DomainsTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;
    static String privateDomain;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
        privateDomain = createPrivate(admin, actors.orgGuid()).path("guid").asText();
    }

    static String name() {
        return Tck.unique("d") + ".example.com";
    }

    static JsonNode createPrivate(Cf cf, String org) {
        ApiResponse r = cf.post("/v3/domains", obj("name", name(), "relationships", obj("organization", rel(org))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body();
    }


    @Nested
    @DisplayName("POST /v3/domains")
    @Checks({"GET /v3/domains", "PATCH /v3/feature_flags/:name", "POST /v3/domains"})
    class Create {
        @Test
        void createsASharedDomain() {
            String name = name();
            ApiResponse r = admin.post("/v3/domains", obj("name", name, "internal", false,
                    "metadata", obj("labels", obj("k", "v"))));
            assertThat(r.status()).isEqualTo(201);
            JsonNode d = r.body();
            assertThat(d.path("name").asText()).isEqualTo(name);
            assertThat(d.path("internal").asBoolean()).isFalse();
            assertThat(d.path("router_group").isNull()).isTrue();
            assertThat(d.path("supported_protocols").get(0).asText()).isEqualTo("http");
            assertThat(d.path("relationships").path("organization").path("data").isNull()).isTrue();
            assertThat(d.path("relationships").path("shared_organizations").path("data")).isEmpty();
            assertThat(d.path("metadata").path("labels").path("k").asText()).isEqualTo("v");
            assertThat(d.path("links").path("route_reservations").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/domains/" + d.path("guid").asText() + "/route_reservations");
            assertThat(d.path("links").has("organization")).isFalse();
        }

        @Test
        void onlyAdminsCreateSharedDomains() {
            actors.check(Expect.byDefault(403).and(201, ADMIN), cf -> cf.post("/v3/domains", obj("name", name())));
        }

        @Test
        void orgManagersCreatePrivateDomains() {
            actors.check(Expect.byDefault(403).and(201, ADMIN, ORG_MANAGER), cf -> cf.post("/v3/domains",
                    obj("name", name(), "relationships", obj("organization", rel(actors.orgGuid())))));
        }

        @Test
        void tcpDomainsNeedAKnownRouterGroup() {
            ApiResponse r = admin.post("/v3/domains", obj("name", name(), "router_group", obj("guid", "nope")));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo("Router group with guid 'nope' not found.");
        }

        @Test
        void privateDomainCreationFlagStopsOrgManagersOnly() {
            assertThat(admin.patch("/v3/feature_flags/private_domain_creation", obj("enabled", false)).status())
                    .isEqualTo(200);
            try {
                ApiResponse r = actors.as(ORG_MANAGER).post("/v3/domains",
                        obj("name", name(), "relationships", obj("organization", rel(actors.orgGuid()))));
                assertThat(r.status()).isEqualTo(403);
                assertThat(r.errorTitle()).isEqualTo("CF-FeatureDisabled");
                assertThat(admin.post("/v3/domains", obj("name", name(), "relationships",
                        obj("organization", rel(actors.orgGuid())))).status()).isEqualTo(201);
            } finally {
                admin.patch("/v3/feature_flags/private_domain_creation", obj("enabled", true));
            }
        }

        @Test
        void duplicateAndOverlappingNamesAreRefused() {
            String name = name();
            assertThat(admin.post("/v3/domains", obj("name", name)).status()).isEqualTo(201);
            var before = admin.guids("/v3/domains");
            ApiResponse dup = admin.post("/v3/domains", obj("name", name));
            assertThat(dup.status()).isEqualTo(422);
            assertThat(dup.errorDetail()).isEqualTo("The domain name \"" + name + "\" is already in use");

            String otherOrg = tck.createOrg().path("guid").asText();
            String owned = createPrivate(admin, otherOrg).path("name").asText();
            ApiResponse overlap = admin.post("/v3/domains", obj("name", "sub." + owned,
                    "relationships", obj("organization", rel(actors.orgGuid()))));
            assertThat(overlap.status()).isEqualTo(422);
            assertThat(overlap.errorDetail()).isEqualTo("The domain name \"sub." + owned
                    + "\" cannot be created because \"" + owned + "\" is already reserved by another domain");
            var after = admin.guids("/v3/domains");
            after.removeAll(before);
            assertThat(after).as("one domain created").hasSize(1);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "{}|Name can't be blank",
                "{\"name\": 5}|Name must be a string",
                "{\"name\": \"nodots\"}|Name does not comply with RFC 1035 standards, Name must contain at least one \".\"",
                "{\"name\": \"a_b.com\"}|Name does not comply with RFC 1035 standards, Name must consist of alphanumeric characters and hyphens",
                "{\"name\": \"-bad.com\"}|Name does not comply with RFC 1035 standards",
                "{\"name\": \"x.com\", \"bogus\": 1}|Unknown field(s): 'bogus'",
                "{\"name\": \"x.com\", \"internal\": \"yes\"}|Internal must be a boolean",
                "{\"name\": \"x.com\", \"internal\": true, \"router_group\": {\"guid\": \"g\"}}|Internal domains cannot be associated to a router group."})
        void refusesBadInput(String body, String detail) {
            var before = admin.guids("/v3/domains");
            ApiResponse r = admin.send("POST", "/v3/domains", body, "application/json");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo(detail);
            assertThat(before).as("nothing created").containsAll(admin.guids("/v3/domains"));
        }

        @Test
        void labelsLongerThan63CharactersAreRefused() {
            ApiResponse r = admin.post("/v3/domains", obj("name", "a".repeat(64) + ".com"));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).contains("Name subdomains must each be at most 63 characters");
        }
    }

    @Nested
    @DisplayName("GET /v3/domains")
    @Checks({"GET /v3/domains", "GET /v3/domains/:guid", "POST /v3/domains"})
    class ListAndGet {
        @Test
        void privateDomainsAreVisibleToOrgManagersAuditorsAndSpaceRoles() {
            actors.check(Expect.byDefault(200).and(404, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.get("/v3/domains/" + privateDomain));
            List<String> asBilling = actors.as(ORG_BILLING_MANAGER).get("/v3/domains?per_page=5000")
                    .resourceValues("guid");
            assertThat(asBilling).doesNotContain(privateDomain);
            List<String> asDev = actors.as(SPACE_DEVELOPER).get("/v3/domains?per_page=5000").resourceValues("guid");
            assertThat(asDev).contains(privateDomain);
        }

        @Test
        void sharedDomainsAreVisibleToEveryone() {
            String shared = admin.post("/v3/domains", obj("name", name())).body().path("guid").asText();
            actors.check(Expect.byDefault(200), cf -> cf.get("/v3/domains/" + shared));
        }

        @Test
        void filtersByNameAndOwningOrganization() {
            String name = admin.get("/v3/domains/" + privateDomain).body().path("name").asText();
            assertThat(admin.get("/v3/domains?names=" + name).resourceValues("guid")).containsExactly(privateDomain);
            assertThat(admin.get("/v3/domains?organization_guids=" + actors.orgGuid()).resourceValues("guid"))
                    .contains(privateDomain);
            ApiResponse bad = admin.get("/v3/domains?bogus=1");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.errorTitle()).isEqualTo("CF-BadQueryParameter");
        }

        @Test
        void theAppsDomainIsSeeded() {
            assertThat(admin.get("/v3/domains?names=apps.localhost").resourceValues("name"))
                    .containsExactly("apps.localhost");
        }
    }

    @Nested
    @DisplayName("GET /v3/organizations/:guid/domains")
    @Checks({"GET /v3/organizations/:guid/domains/default"})
    class OrganizationDomains {
        @Test
        void listsSharedAndTheOrgsPrivateDomains() {
            ApiResponse r = actors.as(ORG_AUDITOR).get("/v3/organizations/" + actors.orgGuid()
                    + "/domains?per_page=5000");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.resourceValues("guid")).contains(privateDomain);
            assertThat(actors.as(ORG_USER).get("/v3/organizations/" + actors.orgGuid() + "/domains?per_page=5000")
                    .resourceValues("guid")).doesNotContain(privateDomain);
            assertThat(actors.as(NO_ROLE).get("/v3/organizations/" + actors.orgGuid() + "/domains").status())
                    .isEqualTo(404);
        }

        @Test
        void hasADefaultDomain() {
            ApiResponse r = actors.as(ORG_USER).get("/v3/organizations/" + actors.orgGuid() + "/domains/default");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().path("relationships").path("organization").path("data").isNull()).isTrue();
        }
    }

    @Nested
    @DisplayName("PATCH /v3/domains/:guid")
    @Checks({"PATCH /v3/domains/:guid"})
    class Update {
        @Test
        void orgManagersUpdateTheirPrivateDomains() {
            actors.check(Expect.byDefault(403).and(200, ADMIN, ORG_MANAGER)
                            .and(404, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.patch("/v3/domains/" + privateDomain, obj("metadata", obj("labels", obj("a", "b")))));
        }
    }

    @Nested
    @DisplayName("shared organizations")
    @Checks({
            "DELETE /v3/domains/:guid",
            "DELETE /v3/domains/:guid/relationships/shared_organizations/:org_guid",
            "GET /v3/domains/:guid",
            "POST /v3/domains/:guid/relationships/shared_organizations"})
    class Sharing {
        @Test
        void sharesAndUnsharesAPrivateDomain() {
            String domain = createPrivate(admin, actors.orgGuid()).path("guid").asText();
            String other = tck.createOrg().path("guid").asText();
            ApiResponse r = admin.post("/v3/domains/" + domain + "/relationships/shared_organizations",
                    obj("data", List.of(obj("guid", other))));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().path("data").findValuesAsText("guid")).containsExactly(other);
            assertThat(admin.get("/v3/domains/" + domain).body().path("relationships")
                    .path("shared_organizations").path("data").findValuesAsText("guid")).containsExactly(other);
            ApiResponse delete = admin.delete("/v3/domains/" + domain);
            assertThat(delete.status()).isEqualTo(422);
            assertThat(delete.errorDetail())
                    .isEqualTo("This domain is shared with other organizations. Unshare before deleting.");
            assertThat(admin.delete("/v3/domains/" + domain + "/relationships/shared_organizations/" + other)
                    .status()).isEqualTo(204);
            ApiResponse again = admin.delete("/v3/domains/" + domain + "/relationships/shared_organizations/"
                    + other);
            assertThat(again.status()).isEqualTo(422);
            assertThat(again.errorDetail()).startsWith("Unable to unshare domain from organization with name '");
        }

        @Test
        void refusesSharingWithTheOwnerOrUnknownOrgs() {
            ApiResponse owner = admin.post("/v3/domains/" + privateDomain + "/relationships/shared_organizations",
                    obj("data", List.of(obj("guid", actors.orgGuid()))));
            assertThat(owner.errorDetail()).isEqualTo("Domain cannot be shared with owning organization.");
            ApiResponse unknown = admin.post("/v3/domains/" + privateDomain + "/relationships/shared_organizations",
                    obj("data", List.of(obj("guid", "nope"))));
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.errorDetail())
                    .isEqualTo("Organization with guid 'nope' does not exist, or you do not have access to it.");
            ApiResponse bad = admin.post("/v3/domains/" + privateDomain + "/relationships/shared_organizations",
                    obj("data", "x"));
            assertThat(bad.status()).isEqualTo(422);
        }
    }

    @Nested
    @DisplayName("GET /v3/domains/:guid/route_reservations")
    @Checks({"GET /v3/domains/:guid/route_reservations", "POST /v3/routes"})
    class Reservations {
        @Test
        void answersWhetherARouteExists() {
            String domain = createPrivate(admin, actors.orgGuid()).path("guid").asText();
            String path = "/v3/domains/" + domain + "/route_reservations?host=my-host&path=/somepath";
            assertThat(admin.get(path).body().path("matching_route").asBoolean()).isFalse();
            assertThat(admin.post("/v3/routes", obj("host", "my-host", "path", "/somepath", "relationships",
                    obj("space", rel(actors.spaceGuid()), "domain", rel(domain)))).status()).isEqualTo(201);
            assertThat(admin.get(path).body().path("matching_route").asBoolean()).isTrue();
            assertThat(admin.get("/v3/domains/" + domain + "/route_reservations?host=my-host").body()
                    .path("matching_route").asBoolean()).isFalse();
            actors.check(Expect.byDefault(200).and(404, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.get(path));
            assertThat(admin.get("/v3/domains/" + domain + "/route_reservations?port=abc").status()).isEqualTo(422);
            assertThat(admin.get("/v3/domains/nope/route_reservations").status()).isEqualTo(404);
        }
    }

    @Nested
    @DisplayName("DELETE /v3/domains/:guid")
    @Checks({"DELETE /v3/domains/:guid", "GET /v3/domains/:guid"})
    class Delete {
        @Test
        void deletesAsynchronously() {
            String domain = createPrivate(admin, actors.orgGuid()).path("guid").asText();
            actors.check(Expect.byDefault(403).and(404, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE)
                    .and(Expect.SKIP, ADMIN, ORG_MANAGER), cf -> cf.delete("/v3/domains/" + domain));
            ApiResponse r = actors.as(ORG_MANAGER).delete("/v3/domains/" + domain);
            assertThat(r.status()).isEqualTo(202);
            assertThat(admin.awaitJob(r).path("state").asText()).isEqualTo("COMPLETE");
            assertThat(admin.get("/v3/domains/" + domain).status()).isEqualTo(404);
        }
    }
}
