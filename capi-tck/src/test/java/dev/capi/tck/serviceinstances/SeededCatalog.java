package dev.capi.tck.serviceinstances;

import dev.capi.tck.fixtures.broker.FixtureBroker;
import dev.capi.tck.support.Tck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The fixture broker's offering {@code db} seeded into the embedded server's database (a uniquely named broker row,
 * offering and the public plans {@code small} (free), {@code large} (paid, with maintenance_info 2.0.0) and
 * {@code quick} (free, maximum polling duration 2 s)), for tests that need managed instances
 * without registering a broker through the API.
 */
public record SeededCatalog(String brokerGuid, String offeringGuid, String small, String large, String quick) {

    public static SeededCatalog seed(Tck tck, FixtureBroker broker) throws SQLException {
        var seeded = new SeededCatalog(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        String suffix = seeded.brokerGuid.substring(0, 8);
        tck.withEmbeddedDatabase(c -> {
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement b = c.prepareStatement("INSERT INTO service_brokers (guid, created_at, "
                    + "updated_at, name, url, auth_username, auth_password, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                b.setString(1, seeded.brokerGuid);
                b.setTimestamp(2, now);
                b.setTimestamp(3, now);
                b.setString(4, "fixture-" + suffix);
                b.setString(5, broker.url());
                b.setString(6, broker.username());
                b.setString(7, broker.password());
                b.setString(8, "AVAILABLE");
                b.executeUpdate();
            }
            try (PreparedStatement o = c.prepareStatement("INSERT INTO service_offerings (guid, created_at, "
                    + "updated_at, service_broker_guid, broker_catalog_id, name, description, bindable, "
                    + "plan_updateable, instances_retrievable, shareable) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                o.setString(1, seeded.offeringGuid);
                o.setTimestamp(2, now);
                o.setTimestamp(3, now);
                o.setString(4, seeded.brokerGuid);
                o.setString(5, broker.catalogId("db"));
                o.setString(6, "tck-db-" + suffix);
                o.setString(7, "Fixture database");
                o.setBoolean(8, true);
                o.setBoolean(9, true);
                o.setBoolean(10, true);
                o.setBoolean(11, true);
                o.executeUpdate();
            }
            plan(c, seeded.small, seeded.offeringGuid, broker.catalogId("db/small"), "small", true, null, null, now);
            plan(c, seeded.large, seeded.offeringGuid, broker.catalogId("db/large"), "large", false, null,
                    "{\"version\":\"2.0.0\",\"description\":\"OS image update\"}", now);
            plan(c, seeded.quick, seeded.offeringGuid, broker.catalogId("db/quick"), "quick", true, 2, null, now);
        });
        return seeded;
    }

    private static void plan(Connection c, String guid, String offering, String catalogId, String name, boolean free,
                             Integer maxPolling, String maintenance, Timestamp now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO service_plans (guid, created_at, updated_at, "
                + "service_offering_guid, broker_catalog_id, name, description, free, maximum_polling_duration, "
                + "maintenance_info, public, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, guid);
            p.setTimestamp(2, now);
            p.setTimestamp(3, now);
            p.setString(4, offering);
            p.setString(5, catalogId);
            p.setString(6, name);
            p.setString(7, name + " plan");
            p.setBoolean(8, free);
            if (maxPolling == null) {
                p.setNull(9, java.sql.Types.INTEGER);
            } else {
                p.setInt(9, maxPolling);
            }
            p.setString(10, maintenance);
            p.setBoolean(11, true);
            p.setBoolean(12, true);
            p.executeUpdate();
        }
    }
}
