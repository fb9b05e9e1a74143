package dev.capi.tck.serviceplandefinitions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Checks;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v3/service_plan_definition_schemas} and {@code GET /v3/service_offerings/:guid/plan_definition_schema}
 * on a fixture broker whose db offering supports OSMAPI plan definitions and whose route offering does not: global
 * readers see every offering with its schema or null; other roles get 403 for the list and 404 for an offering the
 * marketplace does not show them.
 */
@Checks({"GET /v3/service_plan_definition_schemas", "GET /v3/service_offerings/:guid/plan_definition_schema"})
class PlanDefinitionSchemasTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;
    static OsmapiBroker osm;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
        osm = OsmapiBroker.registered(admin);
    }

    @Test
    void GET_listsEveryOfferingWithItsSchemaOrNull() {
        ApiResponse r = admin.get("/v3/service_plan_definition_schemas?service_broker_guids=" + osm.guid);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().path("pagination").path("total_results").asInt()).isEqualTo(2);
        assertThat(r.resourceValues("guid")).containsExactlyInAnyOrder(osm.dbOffering, osm.routeOffering);
        for (JsonNode resource : r.body().path("resources")) {
            if (resource.path("guid").asText().equals(osm.dbOffering)) {
                assertThat(resource.path("schema").path("json_schema").path("type").asText()).isEqualTo("object");
                assertThat(resource.path("schema").path("ui_schema").isObject()).isTrue();
                assertThat(resource.path("schema").path("version").asText()).isEqualTo("1.0.0");
            } else {
                assertThat(resource.path("schema").isNull()).as(resource.toString()).isTrue();
            }
        }
        ApiResponse named = admin.get("/v3/service_plan_definition_schemas?names=osm-route&service_broker_guids="
                + osm.guid);
        assertThat(named.resourceValues("guid")).containsExactly(osm.routeOffering);
        ApiResponse paged = admin.get("/v3/service_plan_definition_schemas?per_page=1&service_broker_guids=" + osm.guid);
        assertThat(paged.body().path("resources").size()).isEqualTo(1);
        assertThat(paged.body().path("pagination").path("next").path("href").asText())
                .contains("/v3/service_plan_definition_schemas?").contains("page=2");
    }

    @Test
    void GET_listIsForGlobalReadersOnly() {
        actors.check(Expect.byDefault(403).and(200, ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR),
                cf -> cf.get("/v3/service_plan_definition_schemas?service_broker_guids=" + osm.guid));
        assertThat(tck.anonymous().get("/v3/service_plan_definition_schemas").status()).isEqualTo(401);
    }

    @Test
    void GET_listRefusesUnknownAndBadQueryParameters() {
        ApiResponse unknown = admin.get("/v3/service_plan_definition_schemas?space_guids=x");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorTitle()).isEqualTo("CF-BadQueryParameter");
        assertThat(admin.get("/v3/service_plan_definition_schemas?per_page=0").status()).isEqualTo(400);
        assertThat(admin.get("/v3/service_plan_definition_schemas?label_selector=%21%21").status()).isEqualTo(400);
    }

    @Test
    void GET_oneOfferingsSchema() {
        ApiResponse r = admin.get("/v3/service_offerings/" + osm.dbOffering + "/plan_definition_schema");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().path("guid").asText()).isEqualTo(osm.dbOffering);
        assertThat(r.body().path("schema").path("json_schema").path("properties").has("cpu")).isTrue();
        assertThat(r.body().path("relationships").path("service_offering").path("data").path("guid").asText())
                .isEqualTo(osm.dbOffering);
        assertThat(r.body().path("links").path("self").path("href").asText()).isEqualTo(tck.baseUrl()
                + "/v3/service_offerings/" + osm.dbOffering + "/plan_definition_schema");
        assertThat(r.body().path("links").path("service_offering").path("href").asText())
                .isEqualTo(tck.baseUrl() + "/v3/service_offerings/" + osm.dbOffering);
        ApiResponse none = admin.get("/v3/service_offerings/" + osm.routeOffering + "/plan_definition_schema");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().path("schema").isNull()).isTrue();
        assertThat(admin.get("/v3/service_offerings/does-not-exist/plan_definition_schema").status())
                .isEqualTo(404);
    }

    @Test
    void GET_oneOfferingsSchemaIsForGlobalReaders() {
        actors.check(Expect.byDefault(404).and(200, ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR),
                cf -> cf.get("/v3/service_offerings/" + osm.dbOffering + "/plan_definition_schema"));
    }
}
