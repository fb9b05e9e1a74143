package dev.capi.tck.scenarios;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.ORG_MANAGER;
import static dev.capi.tck.support.Role.SPACE_DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing issue tried as a new user would: an org manager creates a private domain and shares it; a space
 * developer creates a route on it, maps two apps, replaces the destinations, checks a reservation, and deletes the
 * space's unmapped routes through a job. Invalid input changes nothing.
 */
@Checks({
        "DELETE /v3/spaces/:guid/routes",
        "GET /v3/apps/:guid/env",
        "GET /v3/apps/:guid/routes",
        "GET /v3/domains/:guid",
        "GET /v3/domains/:guid/route_reservations",
        "GET /v3/routes",
        "GET /v3/routes/:guid",
        "PATCH /v3/routes/:guid/destinations",
        "POST /v3/apps",
        "POST /v3/domains",
        "POST /v3/domains/:guid/relationships/shared_organizations",
        "POST /v3/routes",
        "POST /v3/routes/:guid/destinations"})
class RoutingScenarioTest {
    private final Tck tck = Tck.get();
    private final Cf admin = tck.admin();

    @Test
    void orgManagerAndSpaceDeveloperWorkWithPrivateDomainsRoutesAndDestinations() {
        Actors actors = tck.actors();
        Cf manager = actors.as(ORG_MANAGER);
        Cf developer = actors.as(SPACE_DEVELOPER);
        String otherOrg = tck.createOrg().path("guid").asText();

        String domainName = Tck.unique("scenario") + ".example.org";
        ApiResponse domain = manager.post("/v3/domains", obj("name", domainName,
                "relationships", obj("organization", rel(actors.orgGuid()))));
        assertThat(domain.status()).as(domain.toString()).isEqualTo(201);
        String domainGuid = domain.body().path("guid").asText();
        ApiResponse shared = admin.post("/v3/domains/" + domainGuid + "/relationships/shared_organizations",
                obj("data", List.of(obj("guid", otherOrg))));
        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
        assertThat(admin.get("/v3/domains/" + domainGuid).body().path("relationships")
                .path("shared_organizations").path("data").path(0).path("guid").asText()).isEqualTo(otherOrg);

        ApiResponse route = developer.post("/v3/routes", obj("host", "shop", "path", "/cart",
                "relationships", obj("space", rel(actors.spaceGuid()), "domain", rel(domainGuid))));
        assertThat(route.status()).as(route.toString()).isEqualTo(201);
        String routeGuid = route.body().path("guid").asText();
        assertThat(route.body().path("url").asText()).isEqualTo("shop." + domainName + "/cart");

        String app1 = createApp(developer, actors.spaceGuid());
        String app2 = createApp(developer, actors.spaceGuid());
        ApiResponse mapped = developer.post("/v3/routes/" + routeGuid + "/destinations",
                obj("destinations", List.of(obj("app", obj("guid", app1)), obj("app", obj("guid", app2)))));
        assertThat(mapped.status()).as(mapped.toString()).isEqualTo(200);
        assertThat(appGuids(mapped.body())).containsExactlyInAnyOrder(app1, app2);

        ApiResponse replaced = developer.patch("/v3/routes/" + routeGuid + "/destinations",
                obj("destinations", List.of(obj("app", obj("guid", app2, "process", obj("type", "web")),
                        "port", 9090))));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(appGuids(replaced.body())).containsExactly(app2);
        assertThat(replaced.body().path("destinations").path(0).path("port").asInt()).isEqualTo(9090);
        assertThat(developer.get("/v3/apps/" + app1 + "/routes").body().path("resources")).isEmpty();
        JsonNode vcap = developer.get("/v3/apps/" + app2 + "/env").body().path("application_env_json")
                .path("VCAP_APPLICATION");
        assertThat(vcap.path("application_uris").get(0).asText()).isEqualTo("shop." + domainName + "/cart");
        assertThat(vcap.path("uris").get(0).asText()).isEqualTo("shop." + domainName + "/cart");
        assertThat(developer.get("/v3/apps/" + app1 + "/env").body().path("application_env_json")
                .path("VCAP_APPLICATION").path("application_uris")).isEmpty();

        String reservation = "/v3/domains/" + domainGuid + "/route_reservations?host=shop&path=/cart";
        assertThat(manager.get(reservation).body().path("matching_route").asBoolean()).isTrue();
        assertThat(manager.get("/v3/domains/" + domainGuid + "/route_reservations?host=other").body()
                .path("matching_route").asBoolean()).isFalse();

        String unmapped = developer.post("/v3/routes", obj("host", "spare", "relationships",
                obj("space", rel(actors.spaceGuid()), "domain", rel(domainGuid)))).body().path("guid").asText();
        ApiResponse deletion = developer.delete("/v3/spaces/" + actors.spaceGuid() + "/routes?unmapped=true");
        assertThat(deletion.status()).as(deletion.toString()).isEqualTo(202);
        JsonNode job = developer.awaitJob(deletion);
        assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
        assertThat(developer.get("/v3/routes/" + unmapped).status()).isEqualTo(404);
        assertThat(developer.get("/v3/routes/" + routeGuid).status()).isEqualTo(200);
    }

    @Test
    void invalidRoutesGetTheReferenceErrorsAndChangeNothing() {
        Actors actors = tck.actors();
        Cf developer = actors.as(SPACE_DEVELOPER);
        String domainGuid = admin.post("/v3/domains", obj("name", Tck.unique("bad") + ".example.org",
                "relationships", obj("organization", rel(actors.orgGuid())))).body().path("guid").asText();
        String before = admin.get("/v3/routes?space_guids=" + actors.spaceGuid()).body()
                .path("pagination").path("total_results").asText();

        assertThat(createRoute(developer, actors, domainGuid, obj("host", "bad_host!")).errorDetail())
                .contains("Host must be either \"*\" or contain only alphanumeric characters, \"_\", or \"-\"");
        assertThat(createRoute(developer, actors, domainGuid, obj("host", "ok", "path", "no-slash")).errorDetail())
                .contains("Path must begin with /");
        assertThat(createRoute(developer, actors, domainGuid, obj("host", "ok", "port", 8080)).status())
                .isEqualTo(422);
        assertThat(createRoute(developer, actors, domainGuid, obj("host", "dup")).status()).isEqualTo(201);
        ApiResponse duplicate = createRoute(developer, actors, domainGuid, obj("host", "dup"));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.errorDetail()).contains("already exists");

        int after = admin.get("/v3/routes?space_guids=" + actors.spaceGuid()).body()
                .path("pagination").path("total_results").asInt();
        assertThat(after).as("only the first 'dup' route was created").isEqualTo(Integer.parseInt(before) + 1);
    }

    private static ApiResponse createRoute(Cf cf, Actors actors, String domainGuid, com.fasterxml.jackson.databind
            .node.ObjectNode fields) {
        fields.set("relationships", obj("space", rel(actors.spaceGuid()), "domain", rel(domainGuid)));
        return cf.post("/v3/routes", fields);
    }

    private static String createApp(Cf cf, String spaceGuid) {
        ApiResponse app = cf.post("/v3/apps", obj("name", Tck.unique("app"), "relationships",
                obj("space", rel(spaceGuid))));
        assertThat(app.status()).as(app.toString()).isEqualTo(201);
        return app.body().path("guid").asText();
    }

    private static List<String> appGuids(JsonNode destinations) {
        return java.util.stream.StreamSupport.stream(destinations.path("destinations").spliterator(), false)
                .map(d -> d.path("app").path("guid").asText()).toList();
    }
}
