package dev.capi.persistence.routes;

import dev.capi.domain.routes.RouteDestinationRepository;
import dev.capi.model.RouteDestination;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Route destinations in the {@code route_destinations} table. */
public final class JdbiRouteDestinationRepository implements RouteDestinationRepository {
    private static final String COLUMNS = "guid, created_at, updated_at, route_guid, app_guid, process_type, app_port, "
            + "weight, protocol";
    private static final RowMapper<RouteDestination> MAPPER = (rs, ctx) -> new RouteDestination(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("route_guid"),
            rs.getString("app_guid"), rs.getString("process_type"), rs.getInt("app_port"),
            weight(rs), rs.getString("protocol"));

    private final Jdbi jdbi;

    private static Integer weight(java.sql.ResultSet rs) throws java.sql.SQLException {
        int w = rs.getInt("weight");
        return rs.wasNull() ? null : w;
    }

    public JdbiRouteDestinationRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<RouteDestination> find(String guid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM route_destinations WHERE guid = :g")
                .bind("g", guid).map(MAPPER).findFirst());
    }

    @Override
    public List<RouteDestination> forRoutes(Collection<String> routeGuids) {
        if (routeGuids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM route_destinations WHERE route_guid IN (<guids>) ORDER BY guid")
                .bindList("guids", List.copyOf(routeGuids)).map(MAPPER).list());
    }

    @Override
    public List<RouteDestination> forApp(String appGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM route_destinations WHERE app_guid = :a ORDER BY guid")
                .bind("a", appGuid).map(MAPPER).list());
    }

    @Override
    public void insert(RouteDestination d) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO route_destinations (guid, created_at, updated_at, route_guid, app_guid,
                               process_type, app_port, weight, protocol)
                        VALUES (:guid, :createdAt, :updatedAt, :routeGuid, :appGuid, :processType, :appPort, :weight,
                               :protocol)""")
                .bind("guid", d.guid()).bind("createdAt", d.createdAt()).bind("updatedAt", d.updatedAt())
                .bind("routeGuid", d.routeGuid()).bind("appGuid", d.appGuid()).bind("processType", d.processType())
                .bind("appPort", d.appPort()).bindByType("weight", d.weight(), Integer.class)
                .bind("protocol", d.protocol()).execute());
    }

    @Override
    public void updateProtocol(RouteDestination d) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE route_destinations SET protocol = :p, updated_at = :t WHERE guid = :g")
                .bind("p", d.protocol()).bind("t", d.updatedAt()).bind("g", d.guid()).execute());
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM route_destinations WHERE guid = ?", guid));
    }

    @Override
    public void deleteForRoute(String routeGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM route_destinations WHERE route_guid = ?", routeGuid));
    }

    @Override
    public void deleteForApp(String appGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM route_destinations WHERE app_guid = ?", appGuid));
    }
}
