package dev.capi.tck.servicebindings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Checks;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code include=app,service_instance} on credential bindings and {@code include=route,service_instance} on route
 * bindings, lists and gets, as the reference's binding decorators present them; other includes answer 400.
 */
@Checks({"GET /v3/service_credential_bindings", "GET /v3/service_credential_bindings/:guid",
        "GET /v3/service_route_bindings", "GET /v3/service_route_bindings/:guid",
        "POST /v3/service_route_bindings", "POST /v3/routes"})
class BindingIncludesTest {
    static Tck tck;
    static Actors actors;
    static Cf dev;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        actors = tck.actors();
        dev = actors.as(SPACE_DEVELOPER);
    }

    private static String userProvided(String routeServiceUrl) {
        ApiResponse r = dev.post("/v3/service_instances", obj("type", "user-provided", "name", Tck.unique("ups"),
                "route_service_url", routeServiceUrl, "relationships", obj("space", rel(actors.spaceGuid()))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().path("guid").asText();
    }

    @Test
    void credentialBindingsIncludeTheirAppsAndInstances() {
        String instance = userProvided(null);
        String app = actors.newApp("incl");
        ApiResponse created = dev.post("/v3/service_credential_bindings", obj("type", "app", "relationships",
                obj("service_instance", rel(instance), "app", rel(app))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String guid = created.body().path("guid").asText();

        JsonNode list = dev.get("/v3/service_credential_bindings?service_instance_guids=" + instance
                + "&include=app,service_instance").body();
        assertThat(list.path("resources").get(0).path("guid").asText()).isEqualTo(guid);
        assertThat(list.path("included").path("apps").get(0).path("guid").asText()).isEqualTo(app);
        assertThat(list.path("included").path("apps").get(0).path("name").asText())
                .isEqualTo(dev.get("/v3/apps/" + app).body().path("name").asText());
        assertThat(list.path("included").path("service_instances").get(0).path("guid").asText())
                .isEqualTo(instance);
        assertThat(list.path("included").path("service_instances").get(0).path("type").asText())
                .isEqualTo("user-provided");

        JsonNode one = dev.get("/v3/service_credential_bindings/" + guid + "?include=service_instance").body();
        assertThat(one.path("included").path("service_instances").get(0).path("guid").asText()).isEqualTo(instance);
        assertThat(one.path("included").has("apps")).isFalse();

        JsonNode hidden = actors.as(ORG_AUDITOR).get("/v3/service_credential_bindings?service_instance_guids="
                + instance + "&include=app").body();
        assertThat(hidden.path("resources").size()).isZero();
        assertThat(hidden.path("included").path("apps").size()).as("nothing of a binding the caller cannot see")
                .isZero();

        ApiResponse bad = dev.get("/v3/service_credential_bindings?include=space");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorTitle()).isEqualTo("CF-BadQueryParameter");
        assertThat(bad.errorDetail()).contains("Invalid included resource: 'space'. Valid included resources are: "
                + "'app', 'service_instance'");
        assertThat(dev.get("/v3/service_credential_bindings/" + guid + "?include=route").status()).isEqualTo(400);
        assertThat(dev.delete("/v3/service_credential_bindings/" + guid).status()).isEqualTo(204);
    }

    @Test
    void routeBindingsIncludeTheirRoutesAndInstances() {
        String instance = userProvided("https://rs.tck.example");
        String domain = tck.admin().get("/v3/domains").body().path("resources").get(0).path("guid").asText();
        String route = dev.post("/v3/routes", obj("host", Tck.unique("incl"), "relationships",
                obj("space", rel(actors.spaceGuid()), "domain", rel(domain)))).body().path("guid").asText();
        ApiResponse created = dev.post("/v3/service_route_bindings", obj("relationships",
                obj("service_instance", rel(instance), "route", rel(route))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String guid = created.body().path("guid").asText();

        JsonNode list = dev.get("/v3/service_route_bindings?route_guids=" + route
                + "&include=route,service_instance").body();
        assertThat(list.path("included").path("routes").get(0).path("guid").asText()).isEqualTo(route);
        assertThat(list.path("included").path("service_instances").get(0).path("guid").asText())
                .isEqualTo(instance);
        JsonNode one = dev.get("/v3/service_route_bindings/" + guid + "?include=route").body();
        assertThat(one.path("included").path("routes").get(0).path("guid").asText()).isEqualTo(route);
        ApiResponse bad = dev.get("/v3/service_route_bindings/" + guid + "?include=app");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorDetail()).contains("Valid included resources are: 'route', 'service_instance'");
        assertThat(dev.delete("/v3/service_route_bindings/" + guid).status()).isEqualTo(204);
    }
}
