package dev.capi.tck.serviceplandefinitions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.fixtures.broker.FixtureBroker;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Tck;

import java.util.UUID;

import static dev.capi.tck.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fixture broker of its own (prefix {@code osm}), registered under a unique name, for the tests that add and remove
 * plans through OSMAPI plan definitions: the plans they define never show up in the shared broker's catalog.
 */
final class OsmapiBroker {
    private static OsmapiBroker instance;

    final FixtureBroker broker;
    final String guid;
    final String dbOffering;
    final String routeOffering;

    private OsmapiBroker(Cf admin) {
        broker = FixtureBroker.start("osm", "osm-broker", "osm-" + UUID.randomUUID());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "osm-broker-stop"));
        String name = Tck.unique("osm-broker");
        ApiResponse r = admin.post("/v3/service_brokers", obj("name", name, "url", broker.url(), "authentication",
                obj("type", "basic", "credentials", obj("username", broker.username(), "password",
                        broker.password()))));
        JsonNode job = admin.awaitJob(r);
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("COMPLETE");
        guid = admin.get("/v3/service_brokers?names=" + name).body().path("resources").path(0).path("guid").asText();
        dbOffering = offering(admin, "osm-db");
        routeOffering = offering(admin, "osm-route");
    }

    static synchronized OsmapiBroker registered(Cf admin) {
        if (instance == null) {
            instance = new OsmapiBroker(admin);
        }
        return instance;
    }

    private String offering(Cf admin, String name) {
        return admin.get("/v3/service_offerings?service_broker_guids=" + guid + "&names=" + name).body()
                .path("resources").path(0).path("guid").asText();
    }

    /** The guid of this broker's plan named {@code name}, or "" when it has none. */
    String plan(Cf admin, String name) {
        return admin.get("/v3/service_plans?service_broker_guids=" + guid + "&names=" + name).body()
                .path("resources").path(0).path("guid").asText();
    }
}
