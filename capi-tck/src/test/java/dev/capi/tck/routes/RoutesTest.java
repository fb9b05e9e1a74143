package dev.capi.tck.routes;

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
import java.util.function.Supplier;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/routes}, their destinations and shares, and a space's unmapped routes. */
class RoutesTest {
    /** The embedded server's built-in default-tcp router group (ports 1024-1033). */
    static final String DEFAULT_TCP = "7c9e4a5e-2b1f-4e3c-9d1a-0d3e5f6a7b8c";
    static Tck tck;
    static Cf admin;
    static Actors actors;
    static String domainGuid;
    static String domainName;
    static String sharedDomainGuid;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
        JsonNode d = admin.post("/v3/domains", obj("name", Tck.unique("r") + ".example.org",
                "relationships", obj("organization", rel(actors.orgGuid())))).body();
        domainGuid = d.path("guid").asText();
        domainName = d.path("name").asText();
        sharedDomainGuid = admin.post("/v3/domains", obj("name", Tck.unique("s") + ".example.org")).body()
                .path("guid").asText();
        // the default quota reserves no route ports (as the reference's sample): this org gets an unlimited one
        ApiResponse quota = admin.post("/v3/organization_quotas", obj("name", Tck.unique("q"),
                "routes", obj("total_routes", null, "total_reserved_ports", null),
                "relationships", obj("organizations", obj("data", List.of(obj("guid", actors.orgGuid()))))));
        assertThat(quota.status()).as(quota.toString()).isEqualTo(201);
    }

    static Object body(String host) {
        return obj("host", host, "relationships", obj("space", rel(actors.spaceGuid()), "domain", rel(domainGuid)));
    }

    static JsonNode create(String host) {
        ApiResponse r = admin.post("/v3/routes", body(host));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body();
    }

    static long routeCount() {
        return admin.get("/v3/routes?space_guids=" + actors.spaceGuid()).body().path("pagination")
                .path("total_results").asLong();
    }

    static void withFlag(String flag, boolean enabled, Runnable test) {
        admin.patch("/v3/feature_flags/" + flag, obj("enabled", enabled));
        try {
            test.run();
        } finally {
            admin.patch("/v3/feature_flags/" + flag, obj("enabled", !enabled));
        }
    }

    static Supplier<String> hosts() {
        return () -> Tck.unique("h");
    }

    @Nested
    @DisplayName("POST /v3/routes")
    @Checks({
            "GET /v3/audit_events",
            "GET /v3/domains/:guid",
            "GET /v3/routes",
            "POST /v3/domains",
            "POST /v3/routes"})
    class Create {
        @Test
        void createsARouteWithTheReferenceFields() {
            String host = Tck.unique("h");
            ApiResponse r = actors.as(SPACE_DEVELOPER).post("/v3/routes", obj("host", host, "path", "/p",
                    "relationships", obj("space", rel(actors.spaceGuid()), "domain", rel(domainGuid)),
                    "options", obj("loadbalancing", "least-connection"),
                    "metadata", obj("labels", obj("k", "v"))));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            JsonNode route = r.body();
            assertThat(route.path("protocol").asText()).isEqualTo("http");
            assertThat(route.path("host").asText()).isEqualTo(host);
            assertThat(route.path("path").asText()).isEqualTo("/p");
            assertThat(route.path("port").isNull()).isTrue();
            assertThat(route.path("url").asText()).isEqualTo(host + "." + domainName + "/p");
            assertThat(route.path("destinations")).isEmpty();
            assertThat(route.path("options").path("loadbalancing").asText()).isEqualTo("least-connection");
            assertThat(route.path("metadata").path("labels").path("k").asText()).isEqualTo("v");
            assertThat(route.path("relationships").path("domain").path("data").path("guid").asText())
                    .isEqualTo(domainGuid);
            assertThat(route.path("links").path("destinations").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/routes/" + route.path("guid").asText() + "/destinations");
            ApiResponse events = admin.get("/v3/audit_events?types=audit.route.create&target_guids="
                    + route.path("guid").asText());
            assertThat(events.body().path("resources")).hasSize(1);
        }

        @Test
        void appManagersCreateRoutesAndEveryoneElseGets403() {
            Supplier<String> host = hosts();
            actors.check(Expect.byDefault(403).and(201, ADMIN, SPACE_DEVELOPER, SPACE_SUPPORTER),
                    cf -> cf.post("/v3/routes", body(host.get())));
        }

        @Test
        void missingSpaceOrDomainIs422() {
            ApiResponse noSpace = admin.post("/v3/routes", obj("host", "x", "relationships",
                    obj("space", rel("nope"), "domain", rel(domainGuid))));
            assertThat(noSpace.status()).isEqualTo(422);
            assertThat(noSpace.errorDetail())
                    .isEqualTo("Invalid space. Ensure that the space exists and you have access to it.");
            ApiResponse noDomain = admin.post("/v3/routes", obj("host", "x", "relationships",
                    obj("space", rel(actors.spaceGuid()), "domain", rel("nope"))));
            assertThat(noDomain.errorDetail())
                    .isEqualTo("Invalid domain. Ensure that the domain exists and you have access to it.");
        }

        @Test
        void duplicatesAreRefusedWithTheReferenceText() {
            String host = create(Tck.unique("h")).path("host").asText();
            long before = routeCount();
            ApiResponse r = admin.post("/v3/routes", body(host));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail())
                    .isEqualTo("Route already exists with host '" + host + "' for domain '" + domainName + "'.");
            assertThat(routeCount()).isEqualTo(before);
        }

        @Test
        void sharedDomainsNeedAHostAndOnlyAdminsUseWildcards() {
            ApiResponse noHost = admin.post("/v3/routes", obj("relationships",
                    obj("space", rel(actors.spaceGuid()), "domain", rel(sharedDomainGuid))));
            assertThat(noHost.status()).isEqualTo(422);
            assertThat(noHost.errorDetail())
                    .isEqualTo("Missing host. Routes in shared domains must have a host defined.");
            ApiResponse wildcard = actors.as(SPACE_DEVELOPER).post("/v3/routes", obj("host", "*", "relationships",
                    obj("space", rel(actors.spaceGuid()), "domain", rel(sharedDomainGuid))));
            assertThat(wildcard.status()).isEqualTo(422);
            assertThat(wildcard.errorDetail()).startsWith("You do not have sufficient permissions to create a route "
                    + "with a wildcard host");
        }

        @Test
        void tcpDomainsGetARandomReservablePort() {
            String tcp = admin.post("/v3/domains", obj("name", Tck.unique("tcp") + ".example.org",
                    "router_group", obj("guid", DEFAULT_TCP))).body().path("guid").asText();
            assertThat(admin.get("/v3/domains/" + tcp).body().path("supported_protocols").get(0).asText())
                    .isEqualTo("tcp");
            ApiResponse r = admin.post("/v3/routes", obj("relationships",
                    obj("space", rel(actors.spaceGuid()), "domain", rel(tcp))));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            int port = r.body().path("port").asInt();
            assertThat(port).isBetween(1024, 1033);
            assertThat(r.body().path("protocol").asText()).isEqualTo("tcp");
            assertThat(r.body().path("url").asText()).endsWith(":" + port);
            ApiResponse taken = admin.post("/v3/routes", obj("port", port, "relationships",
                    obj("space", rel(actors.spaceGuid()), "domain", rel(tcp))));
            assertThat(taken.status()).isEqualTo(422);
            assertThat(taken.errorDetail()).isEqualTo("Route already exists with port '" + port + "' for domain '"
                    + r.body().path("url").asText().replace(":" + port, "") + "'.");
            ApiResponse withHost = admin.post("/v3/routes", obj("host", "h", "port", 1030, "relationships",
                    obj("space", rel(actors.spaceGuid()), "domain", rel(tcp))));
            assertThat(withHost.errorDetail()).isEqualTo("Hosts are not supported for TCP routes.");
            ApiResponse outside = admin.post("/v3/routes", obj("port", 5000, "relationships",
                    obj("space", rel(actors.spaceGuid()), "domain", rel(tcp))));
            assertThat(outside.errorDetail())
                    .isEqualTo("Port '5000' is not available. Try a different port or use a different domain.");
        }

        @Test
        void quotasLimitReservedPorts() {
            String org = tck.createOrg().path("guid").asText();
            String space = tck.createSpace(org).path("guid").asText();
            String tcp = admin.post("/v3/domains", obj("name", Tck.unique("tcp") + ".example.org",
                    "router_group", obj("guid", DEFAULT_TCP))).body().path("guid").asText();
            ApiResponse r = admin.post("/v3/routes", obj("relationships",
                    obj("space", rel(space), "domain", rel(tcp))));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).startsWith("Reserved route ports quota exceeded for organization '");
            assertThat(admin.get("/v3/routes?space_guids=" + space).body().path("resources")).isEmpty();
        }

        @Test
        void theRouteCreationFlagStopsNonAdmins() {
            withFlag("route_creation", false, () -> {
                ApiResponse r = actors.as(SPACE_DEVELOPER).post("/v3/routes", body(Tck.unique("h")));
                assertThat(r.status()).isEqualTo(403);
                assertThat(r.errorTitle()).isEqualTo("CF-FeatureDisabled");
                assertThat(admin.post("/v3/routes", body(Tck.unique("h"))).status()).isEqualTo(201);
            });
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "{\"host\": \"a.b\", RELS}|Host must be either \"*\" or contain only alphanumeric characters, \"_\", or \"-\"",
                "{\"host\": \"h\", \"path\": \"/\", RELS}|Path cannot be exactly /",
                "{\"host\": \"h\", \"path\": \"p\", RELS}|Path must begin with /",
                "{\"host\": \"h\", \"path\": \"/a?b\", RELS}|Path cannot contain ?",
                "{\"host\": \"h\", \"port\": 8080, RELS}|Routes with protocol 'http' do not support ports.",
                "{\"host\": \"h\", \"port\": 70000, RELS}|Port must be less than or equal to 65535",
                "{\"host\": \"h\"}|Relationships can't be blank",
                "{\"host\": \"h\", \"bogus\": 1, RELS}|Unknown field(s): 'bogus'",
                "{\"host\": \"h\", \"options\": {\"loadbalancing\": \"hash\"}, RELS}|Options Loadbalancing must be one of 'round-robin, least-connection' if present",
                "{\"host\": \"h\", \"options\": {\"foo\": \"bar\"}, RELS}|Options Unknown field(s): 'foo'"})
        void refusesBadInputAndChangesNothing(String body, String detail) {
            long before = routeCount();
            String rels = "\"relationships\": {\"space\": {\"data\": {\"guid\": \"" + actors.spaceGuid()
                    + "\"}}, \"domain\": {\"data\": {\"guid\": \"" + domainGuid + "\"}}}";
            ApiResponse r = admin.send("POST", "/v3/routes", body.replace("RELS", rels), "application/json");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.errorDetail()).isEqualTo(detail);
            assertThat(routeCount()).isEqualTo(before);
        }
    }

    @Nested
    @DisplayName("GET /v3/routes/:guid and GET /v3/routes")
    @Checks({"GET /v3/routes", "GET /v3/routes/:guid"})
    class Read {
        @Test
        void orgAuditorsReadRoutesButBillingManagersAndOrgUsersDoNot() {
            String guid = create(Tck.unique("h")).path("guid").asText();
            actors.check(Expect.byDefault(200).and(404, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.get("/v3/routes/" + guid));
            assertThat(actors.as(ORG_AUDITOR).get("/v3/routes?per_page=5000").resourceValues("guid")).contains(guid);
            assertThat(actors.as(ORG_USER).get("/v3/routes").resourceValues("guid")).doesNotContain(guid);
        }

        @Test
        void includesDomainSpaceAndOrganization() {
            JsonNode route = create(Tck.unique("h"));
            ApiResponse r = admin.get("/v3/routes/" + route.path("guid").asText()
                    + "?include=domain,space.organization");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().path("included").path("domains")).hasSize(1);
            assertThat(r.body().path("included").path("domains").path(0).path("guid").asText()).isEqualTo(domainGuid);
            assertThat(r.body().path("included").path("spaces").findValuesAsText("name")).hasSize(1);
            assertThat(r.body().path("included").path("organizations").path(0).path("guid").asText())
                    .isEqualTo(actors.orgGuid());
            ApiResponse bad = admin.get("/v3/routes/" + route.path("guid").asText() + "?include=bogus");
            assertThat(bad.status()).isEqualTo(422);
            assertThat(admin.get("/v3/routes/" + route.path("guid").asText() + "?bogus=1").status()).isEqualTo(422);
        }

        @Test
        void filtersByHostDomainSpaceAndOrganization() {
            JsonNode route = create(Tck.unique("h"));
            String host = route.path("host").asText();
            ApiResponse r = admin.get("/v3/routes?hosts=" + host + "&domain_guids=" + domainGuid
                    + "&organization_guids=" + actors.orgGuid() + "&space_guids=" + actors.spaceGuid()
                    + "&include=domain");
            assertThat(r.resourceValues("guid")).containsExactly(route.path("guid").asText());
            assertThat(r.body().path("included").path("domains")).hasSize(1);
            assertThat(admin.get("/v3/routes?hosts=" + host + "&paths=/nope").resourceValues("guid")).isEmpty();
            assertThat(admin.get("/v3/routes?bogus=1").status()).isEqualTo(400);
        }
    }

    @Nested
    @DisplayName("PATCH /v3/routes/:guid")
    @Checks({"GET /v3/routes/:guid", "PATCH /v3/routes/:guid"})
    class Update {
        @Test
        void updatesOptionsAndMetadata() {
            String guid = create(Tck.unique("h")).path("guid").asText();
            actors.check(Expect.byDefault(403).and(200, ADMIN, SPACE_DEVELOPER, SPACE_SUPPORTER)
                            .and(404, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                    cf -> cf.patch("/v3/routes/" + guid, obj("options", obj("loadbalancing", "round-robin"))));
            assertThat(admin.get("/v3/routes/" + guid).body().path("options").path("loadbalancing").asText())
                    .isEqualTo("round-robin");
        }

        @Test
        void hashLoadBalancingNeedsTheFlagAndAHeader() {
            String guid = create(Tck.unique("h")).path("guid").asText();
            assertThat(admin.patch("/v3/routes/" + guid, obj("options", obj("loadbalancing", "hash"))).status())
                    .isEqualTo(422);
            withFlag("hash_based_routing", true, () -> {
                ApiResponse noHeader = admin.patch("/v3/routes/" + guid, obj("options", obj("loadbalancing", "hash")));
                assertThat(noHeader.errorDetail())
                        .isEqualTo("Hash header must be present when loadbalancing is set to hash.");
                ApiResponse ok = admin.patch("/v3/routes/" + guid, obj("options", obj("loadbalancing", "hash",
                        "hash_header", "X-User", "hash_balance", 1.25)));
                assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
                assertThat(ok.body().path("options").path("hash_balance").asText()).isEqualTo("1.3");
            });
        }
    }

    @Nested
    @DisplayName("DELETE /v3/routes/:guid")
    @Checks({"DELETE /v3/routes/:guid", "GET /v3/routes/:guid"})
    class Delete {
        @Test
        void deletesAsynchronously() {
            String guid = create(Tck.unique("h")).path("guid").asText();
            actors.check(Expect.byDefault(403).and(404, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE)
                    .and(Expect.SKIP, ADMIN, SPACE_DEVELOPER, SPACE_SUPPORTER), cf -> cf.delete("/v3/routes/" + guid));
            ApiResponse r = actors.as(SPACE_SUPPORTER).delete("/v3/routes/" + guid);
            assertThat(r.status()).isEqualTo(202);
            assertThat(admin.awaitJob(r).path("state").asText()).isEqualTo("COMPLETE");
            assertThat(admin.get("/v3/routes/" + guid).status()).isEqualTo(404);
        }

        @Test
        void deletesTheUnmappedRoutesOfASpace() {
            String guid = create(Tck.unique("h")).path("guid").asText();
            String path = "/v3/spaces/" + actors.spaceGuid() + "/routes";
            ApiResponse refused = admin.delete(path);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.errorDetail()).contains("Mass delete not supported for routes. Use 'unmapped=true' "
                    + "parameter to delete all unmapped routes.");
            assertThat(admin.delete(path + "?unmapped=false").errorDetail()).startsWith("Mass delete not supported "
                    + "for mapped routes.");
            actors.check(Expect.byDefault(403).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE)
                    .and(Expect.SKIP, ADMIN, SPACE_DEVELOPER, SPACE_SUPPORTER), cf -> cf.delete(path + "?unmapped=true"));
            ApiResponse r = actors.as(SPACE_DEVELOPER).delete(path + "?unmapped=true");
            assertThat(r.status()).isEqualTo(202);
            JsonNode job = admin.awaitJob(r);
            assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
            assertThat(job.path("operation").asText()).isEqualTo("space.delete_unmapped_routes");
            assertThat(admin.get("/v3/routes/" + guid).status()).isEqualTo(404);
        }
    }

    @Nested
    @DisplayName("destinations")
    @Checks({
            "DELETE /v3/routes/:guid/destinations/:destination_guid",
            "GET /v3/apps/:guid/routes",
            "GET /v3/audit_events",
            "GET /v3/routes",
            "GET /v3/routes/:guid",
            "GET /v3/routes/:guid/destinations",
            "PATCH /v3/routes/:guid/destinations",
            "PATCH /v3/routes/:guid/destinations/:destination_guid",
            "POST /v3/apps",
            "POST /v3/routes/:guid/destinations",
            "PUT /v3/routes/:guid/destinations"})
    class Destinations {
        @Test
        void listsNoDestinationsForANewRoute() {
            String guid = create(Tck.unique("h")).path("guid").asText();
            ApiResponse r = actors.as(ORG_AUDITOR).get("/v3/routes/" + guid + "/destinations");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().path("destinations")).isEmpty();
            assertThat(r.body().path("links").path("route").path("href").asText())
                    .isEqualTo(tck.baseUrl() + "/v3/routes/" + guid);
            assertThat(admin.get("/v3/routes/" + guid + "/destinations?bogus=1").status()).isEqualTo(422);
        }

        @Test
        void mapsReplacesAndUnmapsApps() {
            String route = create(Tck.unique("h")).path("guid").asText();
            String app1 = admin.post("/v3/apps", obj("name", Tck.unique("a"), "relationships",
                    obj("space", rel(actors.spaceGuid())))).body().path("guid").asText();
            String app2 = admin.post("/v3/apps", obj("name", Tck.unique("a"), "relationships",
                    obj("space", rel(actors.spaceGuid())))).body().path("guid").asText();
            ApiResponse inserted = actors.as(SPACE_DEVELOPER).post("/v3/routes/" + route + "/destinations",
                    obj("destinations", List.of(obj("app", obj("guid", app1)))));
            assertThat(inserted.status()).as(inserted.toString()).isEqualTo(200);
            JsonNode dest = inserted.body().path("destinations").path(0);
            assertThat(dest.path("app").path("process").path("type").asText()).isEqualTo("web");
            assertThat(dest.path("port").asInt()).isEqualTo(8080);
            assertThat(dest.path("protocol").asText()).isEqualTo("http1");
            assertThat(dest.path("weight").isNull()).isTrue();
            assertThat(admin.get("/v3/audit_events?types=audit.app.map-route&target_guids=" + app1).body()
                    .path("resources")).hasSize(1);
            assertThat(admin.get("/v3/apps/" + app1 + "/routes").resourceValues("guid")).containsExactly(route);
            assertThat(admin.get("/v3/routes?app_guids=" + app1).resourceValues("guid")).containsExactly(route);
            ApiResponse replaced = admin.patch("/v3/routes/" + route + "/destinations", obj("destinations", List.of(
                    obj("app", obj("guid", app1), "weight", 30), obj("app", obj("guid", app2), "weight", 70))));
            assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
            assertThat(replaced.body().path("destinations")).hasSize(2);
            assertThat(admin.get("/v3/audit_events?types=audit.app.unmap-route&target_guids=" + app1).body()
                    .path("resources")).hasSize(1);
            String path = "/v3/spaces/" + actors.spaceGuid() + "/routes?unmapped=true";
            admin.awaitJob(admin.delete(path));
            assertThat(admin.get("/v3/routes/" + route).status()).as("mapped routes stay").isEqualTo(200);
            String weighted = replaced.body().path("destinations").path(0).path("guid").asText();
            assertThat(admin.delete("/v3/routes/" + route + "/destinations/" + weighted).errorDetail())
                    .isEqualTo("Weighted destinations cannot be deleted individually.");
            assertThat(admin.patch("/v3/routes/" + route + "/destinations/" + weighted, obj("protocol", "http2"))
                    .body().path("protocol").asText()).isEqualTo("http2");
            ApiResponse cleared = admin.patch("/v3/routes/" + route + "/destinations", obj("destinations", List.of()));
            assertThat(cleared.body().path("destinations")).isEmpty();
        }

        @Test
        void refusesUnknownAppsAndBadShapes() {
            String guid = create(Tck.unique("h")).path("guid").asText();
            ApiResponse unknown = admin.post("/v3/routes/" + guid + "/destinations",
                    obj("destinations", List.of(obj("app", obj("guid", "nope")))));
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.errorDetail()).isEqualTo("App(s) with guid(s) \"nope\" do not exist.");
            ApiResponse weighted = admin.post("/v3/routes/" + guid + "/destinations",
                    obj("destinations", List.of(obj("app", obj("guid", "a"), "weight", 10))));
            assertThat(weighted.errorDetail()).isEqualTo(
                    "Destinations[0]: weighted destinations can only be used when replacing all destinations.");
            ApiResponse empty = admin.post("/v3/routes/" + guid + "/destinations", obj("destinations", List.of()));
            assertThat(empty.errorDetail())
                    .isEqualTo("Destinations must be an array containing between 1 and 100 destination objects.");
            ApiResponse replaceEmpty = admin.patch("/v3/routes/" + guid + "/destinations",
                    obj("destinations", List.of()));
            assertThat(replaceEmpty.status()).isEqualTo(200);
            ApiResponse put = admin.send("PUT", "/v3/routes/" + guid + "/destinations", "{\"destinations\": []}",
                    "application/json");
            assertThat(put.status()).isEqualTo(200);
            ApiResponse removeUnknown = admin.delete("/v3/routes/" + guid + "/destinations/nope");
            assertThat(removeUnknown.status()).isEqualTo(422);
            assertThat(removeUnknown.errorDetail()).isEqualTo(
                    "Unable to unmap route from destination. Ensure the route has a destination with this guid.");
        }
    }

    @Nested
    @DisplayName("shared spaces and transfer")
    @Checks({
            "DELETE /v3/routes/:guid/relationships/shared_spaces/:space_guid",
            "GET /v3/routes/:guid",
            "GET /v3/routes/:guid/relationships/shared_spaces",
            "POST /v3/routes/:guid/relationships/shared_spaces"})
    class Sharing {
        @Test
        void sharingNeedsTheFlag() {
            String guid = create(Tck.unique("h")).path("guid").asText();
            ApiResponse r = admin.get("/v3/routes/" + guid + "/relationships/shared_spaces");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.errorDetail()).isEqualTo("Feature Disabled: route_sharing");
        }

        @Test
        void sharesUnsharesAndTransfers() {
            withFlag("route_sharing", true, () -> {
                String guid = create(Tck.unique("h")).path("guid").asText();
                String other = tck.createSpace(actors.orgGuid()).path("guid").asText();
                ApiResponse shared = admin.post("/v3/routes/" + guid + "/relationships/shared_spaces",
                        obj("data", List.of(obj("guid", other))));
                assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
                assertThat(shared.body().path("data").findValuesAsText("guid")).containsExactly(other);
                ApiResponse self = admin.post("/v3/routes/" + guid + "/relationships/shared_spaces",
                        obj("data", List.of(obj("guid", actors.spaceGuid()))));
                assertThat(self.errorDetail()).endsWith("Routes cannot be shared into the space where they were "
                        + "created.");
                assertThat(admin.delete("/v3/routes/" + guid + "/relationships/shared_spaces/" + other).status())
                        .isEqualTo(204);
                assertThat(admin.get("/v3/routes/" + guid + "/relationships/shared_spaces").body().path("data"))
                        .isEmpty();
                ApiResponse moved = admin.patch("/v3/routes/" + guid + "/relationships/space",
                        obj("data", obj("guid", other)));
                assertThat(moved.status()).isEqualTo(200);
                JsonNode route = admin.get("/v3/routes/" + guid).body();
                assertThat(route.path("relationships").path("space").path("data").path("guid").asText())
                        .isEqualTo(other);
                assertThat(admin.get("/v3/routes/" + guid + "/relationships/shared_spaces").body().path("data")
                        .findValuesAsText("guid")).containsExactly(actors.spaceGuid());
                assertThat(admin.patch("/v3/routes/" + guid + "/relationships/space", obj("data", 5)).status())
                        .isEqualTo(422);
            });
        }
    }
}
