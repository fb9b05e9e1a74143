package dev.capi.tck.servicebindings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Checks;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PATCH on a credential binding and on a route binding changes only their metadata, as the reference: space
 * developers and admins may, other readers of the space get 403, the rest 404; bad bodies change nothing; each update
 * is audited. Everything is created over the API (a user-provided instance with a route service URL).
 */
@Checks({
        "PATCH /v3/service_credential_bindings/:guid",
        "PATCH /v3/service_route_bindings/:guid",
        "POST /v3/service_route_bindings",
        "GET /v3/service_credential_bindings/:guid",
        "GET /v3/service_route_bindings/:guid",
        "GET /v3/audit_events"})
class BindingMetadataUpdatesTest {
    static Tck tck;
    static Actors actors;
    static Cf dev;
    static String credentialBinding;
    static String routeBinding;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        actors = tck.actors();
        dev = actors.as(SPACE_DEVELOPER);
        ApiResponse instance = dev.post("/v3/service_instances", obj("type", "user-provided", "name",
                Tck.unique("ups-meta"), "route_service_url", "https://rs.tck.example", "credentials",
                obj("password", "s"), "relationships", obj("space", rel(actors.spaceGuid()))));
        assertThat(instance.status()).as(instance.toString()).isEqualTo(201);
        String instanceGuid = instance.body().path("guid").asText();
        ApiResponse binding = dev.post("/v3/service_credential_bindings", obj("type", "app", "relationships",
                obj("service_instance", rel(instanceGuid), "app", rel(actors.newApp("meta-bound")))));
        assertThat(binding.status()).as(binding.toString()).isEqualTo(201);
        credentialBinding = binding.body().path("guid").asText();
        String domain = tck.admin().get("/v3/domains").body().path("resources").get(0).path("guid").asText();
        String route = dev.post("/v3/routes", obj("host", Tck.unique("meta"), "relationships",
                obj("space", rel(actors.spaceGuid()), "domain", rel(domain)))).body().path("guid").asText();
        ApiResponse routed = dev.post("/v3/service_route_bindings", obj("relationships",
                obj("service_instance", rel(instanceGuid), "route", rel(route))));
        assertThat(routed.status()).as(routed.toString()).isEqualTo(201);
        routeBinding = routed.body().path("guid").asText();
    }

    static String path(String kind) {
        return "/v3/" + kind + "/" + ("service_credential_bindings".equals(kind) ? credentialBinding : routeBinding);
    }

    @ParameterizedTest
    @ValueSource(strings = {"service_credential_bindings", "service_route_bindings"})
    void spaceDevelopersAndAdminsUpdateMetadata(String kind) {
        actors.check(Expect.byDefault(403).and(200, ADMIN, SPACE_DEVELOPER)
                        .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.patch(path(kind), obj("metadata", obj("labels", obj("tier", "gold")))));
        ApiResponse r = dev.patch(path(kind), obj("metadata", obj("labels", obj("tier", "silver"),
                "annotations", obj("owner", "tck"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().path("metadata").path("labels").path("tier").asText()).isEqualTo("silver");
        JsonNode read = dev.get(path(kind)).body();
        assertThat(read.path("metadata").path("annotations").path("owner").asText()).isEqualTo("tck");
        assertThat(read.path("last_operation").path("state").asText()).as("only metadata changes")
                .isEqualTo("succeeded");
        String event = "service_credential_bindings".equals(kind) ? "audit.service_binding.update"
                : "audit.service_route_binding.update";
        String guid = path(kind).substring(path(kind).lastIndexOf('/') + 1);
        assertThat(tck.admin().get("/v3/audit_events?types=" + event + "&target_guids=" + guid)
                .resourceValues("type")).isNotEmpty().allMatch(event::equals);
    }

    @ParameterizedTest
    @ValueSource(strings = {"service_credential_bindings", "service_route_bindings"})
    void badBodiesAreRefusedAndChangeNothing(String kind) {
        dev.patch(path(kind), obj("metadata", obj("labels", obj("stable", "yes"))));
        String before = dev.get(path(kind)).body().path("metadata").toString();
        ApiResponse unknown = dev.patch(path(kind), obj("name", "renamed"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(unknown.errorTitle()).isEqualTo("CF-UnprocessableEntity");
        assertThat(unknown.errorDetail()).isEqualTo("Unknown field(s): 'name'");
        ApiResponse badLabel = dev.patch(path(kind), obj("metadata", obj("labels", obj("stable", "no",
                "-bad key", "v"))));
        assertThat(badLabel.status()).as(badLabel.toString()).isEqualTo(422);
        ApiResponse notJson = dev.send("PATCH", path(kind), "{bad", "application/json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.errorTitle()).isEqualTo("CF-MessageParseError");
        assertThat(dev.get(path(kind)).body().path("metadata").toString()).isEqualTo(before);
        assertThat(dev.patch("/v3/" + kind + "/nope", obj("metadata", obj())).status()).isEqualTo(404);
    }
}
