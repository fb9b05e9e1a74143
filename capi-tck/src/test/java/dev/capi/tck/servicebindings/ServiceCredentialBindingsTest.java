package dev.capi.tck.servicebindings;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance of {@code /v3/service_credential_bindings} and {@code /v3/service_route_bindings} with user-provided
 * instances: create at once (201), read per role, details only for secret readers, delete (204), and bad input that
 * changes nothing; the user-provided instances are created over the API.
 */
@Checks({"DELETE /v3/service_credential_bindings/:guid", "DELETE /v3/service_route_bindings/:guid", "GET /v3/apps/:guid/env", "GET /v3/domains", "GET /v3/service_credential_bindings", "GET /v3/service_credential_bindings/:guid", "GET /v3/service_credential_bindings/:guid/details", "GET /v3/service_route_bindings", "GET /v3/service_route_bindings/:guid", "POST /v3/routes", "POST /v3/service_route_bindings"})
class ServiceCredentialBindingsTest {
    static Tck tck;
    static Actors actors;
    static Cf dev;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        actors = tck.actors();
        dev = actors.as(SPACE_DEVELOPER);
    }

    /** A user-provided instance in the actors' space, created over the API, with credentials and a syslog drain. */
    static String userProvided(String routeServiceUrl) {
        var body = obj("type", "user-provided", "name", Tck.unique("ups"), "tags", java.util.List.of("tck"),
                "credentials", obj("password", "tck-secret"), "syslog_drain_url", "syslog://drain.tck.example:514",
                "relationships", obj("space", rel(actors.spaceGuid())));
        if (routeServiceUrl != null) {
            body.put("route_service_url", routeServiceUrl);
        }
        ApiResponse r = dev.post("/v3/service_instances", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().path("guid").asText();
    }

    static JsonNode appBindingBody(String instance, String app) {
        return obj("type", "app", "relationships", obj("service_instance", rel(instance), "app", rel(app)));
    }

    @Test
    void postBindsAnAppToAUserProvidedInstanceAtOnce() throws Exception {
        String instance = userProvided(null);
        String app = actors.newApp("bound");
        ApiResponse created = dev.post("/v3/service_credential_bindings", appBindingBody(instance, app));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String guid = created.body().path("guid").asText();
        assertThat(created.body().path("last_operation").path("state").asText()).isEqualTo("succeeded");

        actors.check(Expect.byDefault(200).and(404, ORG_USER, ORG_BILLING_MANAGER, ORG_AUDITOR, NO_ROLE),
                cf -> cf.get("/v3/service_credential_bindings/" + guid));
        actors.check(Expect.byDefault(404).and(200, ADMIN, ADMIN_READ_ONLY, SPACE_DEVELOPER),
                cf -> cf.get("/v3/service_credential_bindings/" + guid + "/details"));
        JsonNode details = dev.get("/v3/service_credential_bindings/" + guid + "/details").body();
        assertThat(details.path("credentials").path("password").asText()).isEqualTo("tck-secret");
        assertThat(details.path("syslog_drain_url").asText()).isEqualTo("syslog://drain.tck.example:514");

        JsonNode env = dev.get("/v3/apps/" + app + "/env").body();
        assertThat(env.path("system_env_json").path("VCAP_SERVICES").path("user-provided").get(0)
                .path("binding_guid").asText()).isEqualTo(guid);

        actors.check(Expect.byDefault(403).and(Expect.SKIP, ADMIN, SPACE_DEVELOPER, SPACE_SUPPORTER)
                        .and(404, ORG_USER, ORG_BILLING_MANAGER, ORG_AUDITOR, NO_ROLE),
                cf -> cf.delete("/v3/service_credential_bindings/" + guid));
        assertThat(dev.delete("/v3/service_credential_bindings/" + guid).status()).isEqualTo(204);
        assertThat(dev.get("/v3/service_credential_bindings/" + guid).errorDetail())
                .isEqualTo("Service credential binding not found");
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() throws Exception {
        String instance = userProvided(null);
        String app = actors.newApp("unbound");
        assertThat(dev.post("/v3/service_credential_bindings", obj("type", "key", "name", "k", "relationships",
                obj("service_instance", rel(instance)))).errorDetail()).isEqualTo("Service credential bindings of "
                + "type 'key' are not supported for user-provided service instances.");
        assertThat(dev.post("/v3/service_credential_bindings", obj("type", "app", "relationships",
                obj("service_instance", rel("nope"), "app", rel(app)))).errorDetail())
                .isEqualTo("The service instance could not be found: 'nope'");
        assertThat(dev.post("/v3/service_credential_bindings", obj("type", "app", "relationships",
                obj("service_instance", rel(instance), "app", rel("nope")))).errorDetail())
                .isEqualTo("The app could not be found: 'nope'");
        ApiResponse invalid = dev.post("/v3/service_credential_bindings", obj("type", "other", "extra", 1));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(actors.as(SPACE_AUDITOR).post("/v3/service_credential_bindings", appBindingBody(instance, app))
                .status()).isEqualTo(403);
        assertThat(dev.get("/v3/service_credential_bindings?type=nope").status()).isEqualTo(400);
        assertThat(dev.get("/v3/service_credential_bindings?app_guids=" + app).body().path("pagination")
                .path("total_results").asInt()).isZero();
    }

    @Test
    void routeBindingsCarryTheUserProvidedRouteServiceUrl() throws Exception {
        String instance = userProvided("https://rs.tck.example");
        String domain = tck.admin().get("/v3/domains").body().path("resources").get(0).path("guid").asText();
        String route = dev.post("/v3/routes", obj("host", Tck.unique("rs"), "relationships",
                obj("space", rel(actors.spaceGuid()), "domain", rel(domain)))).body().path("guid").asText();
        ApiResponse created = dev.post("/v3/service_route_bindings", obj("relationships",
                obj("service_instance", rel(instance), "route", rel(route))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String guid = created.body().path("guid").asText();
        assertThat(created.body().path("route_service_url").asText()).isEqualTo("https://rs.tck.example");
        actors.check(Expect.byDefault(200).and(404, ORG_USER, ORG_BILLING_MANAGER, ORG_AUDITOR, NO_ROLE),
                cf -> cf.get("/v3/service_route_bindings/" + guid));
        assertThat(dev.post("/v3/service_route_bindings", obj("relationships", obj("service_instance",
                rel(instance), "route", rel(route)))).errorTitle()).isEqualTo("CF-ServiceInstanceAlreadyBoundToSameRoute");
        assertThat(dev.delete("/v3/service_route_bindings/" + guid).status()).isEqualTo(204);
        assertThat(dev.get("/v3/service_route_bindings?route_guids=" + route).body().path("resources").size())
                .isZero();
    }
}
