package dev.capi.persistence.routes;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.routes.RouteRepository;
import dev.capi.model.Metadata;
import dev.capi.model.Route;
import dev.capi.model.RoleType;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.Json;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import dev.capi.persistence.support.WithMetadata;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routes in the {@code routes} table (port 0 stored for "no port"), shares in {@code route_shares}. Lists join the
 * owning space for the organization filter and visibility; a route is also visible through spaces it is shared with.
 */
public final class JdbiRouteRepository implements RouteRepository {
    private static final String COLUMNS = "r.guid, r.created_at, r.updated_at, r.host, r.path, r.port, r.domain_guid, "
            + "r.space_guid, r.options";
    private static final RowMapper<Route> MAPPER = (rs, ctx) -> new Route(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("host"),
            rs.getString("path"), rs.getInt("port") == 0 ? null : rs.getInt("port"), rs.getString("domain_guid"),
            rs.getString("space_guid"), options(rs.getString("options")), Metadata.empty());
    private static final ListSql LIST = new ListSql("routes r JOIN spaces rs ON rs.guid = r.space_guid", "r")
            .inFilter("hosts", "r.host")
            .inFilter("paths", "r.path")
            .condition("ports", (values, binds) -> {
                List<Integer> ports = new ArrayList<>();
                for (String v : values) {
                    try {
                        ports.add(v.isEmpty() ? 0 : Integer.parseInt(v.trim()));
                    } catch (NumberFormatException e) {
                        // not a port: matches nothing
                    }
                }
                return ports.isEmpty() ? "1=0" : "r.port IN (" + binds.list(ports) + ")";
            })
            .inFilter("domain_guids", "r.domain_guid")
            .inFilter("organization_guids", "rs.organization_guid")
            .condition("space_guids", (values, binds) -> {
                String list = binds.list(values);
                return "(r.space_guid IN (" + list + ") OR r.guid IN (SELECT fsh.route_guid FROM route_shares fsh"
                        + " WHERE fsh.space_guid IN (" + list + ")))";
            })
            .condition("app_guids", (values, binds) -> "r.guid IN (SELECT fd.route_guid FROM route_destinations fd"
                    + " WHERE fd.app_guid IN (" + binds.list(values) + "))")
            .condition("service_instance_guids", (values, binds) -> "1=0")
            .visibleBy(JdbiRouteRepository::visibility);

    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;

    public JdbiRouteRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.metadata = metadata;
    }

    private static Map<String, String> options(String json) {
        if (json == null) {
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        Json.readMap(json).forEach((k, v) -> result.put(k, String.valueOf(v)));
        return result;
    }

    /** The owning space is readable (space roles, or org roles in its org), or a space the route is shared into is. */
    private static String visibility(Visibility v, ListSql.Binds binds) {
        String user = binds.add(v.userGuid());
        String spaces = v.spaceRoles().isEmpty() ? null : "SELECT vr.space_guid FROM roles vr WHERE vr.user_guid = "
                + user + " AND vr.type IN (" + types(v.spaceRoles(), binds) + ")";
        String orgs = v.orgRoles().isEmpty() ? null : "SELECT vo.organization_guid FROM roles vo WHERE vo.user_guid = "
                + user + " AND vo.type IN (" + types(v.orgRoles(), binds) + ")";
        List<String> own = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        if (spaces != null) {
            own.add("r.space_guid IN (" + spaces + ")");
            shared.add("vsh.space_guid IN (" + spaces + ")");
        }
        if (orgs != null) {
            own.add("rs.organization_guid IN (" + orgs + ")");
            shared.add("vss.organization_guid IN (" + orgs + ")");
        }
        if (own.isEmpty()) {
            return "1=0";
        }
        return "(" + String.join(" OR ", own) + " OR EXISTS (SELECT 1 FROM route_shares vsh JOIN spaces vss"
                + " ON vss.guid = vsh.space_guid WHERE vsh.route_guid = r.guid AND (" + String.join(" OR ", shared)
                + ")))";
    }

    private static String types(Set<RoleType> types, ListSql.Binds binds) {
        return binds.list(types.stream().map(RoleType::wireName).sorted().toList());
    }

    @Override
    public Optional<Route> find(String guid) {
        return findAll(List.of(guid)).stream().findFirst();
    }

    @Override
    public List<Route> findAll(Collection<String> guids) {
        if (guids.isEmpty()) {
            return List.of();
        }
        return WithMetadata.attach(metadata, jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM routes r WHERE r.guid IN (<guids>) ORDER BY r.id")
                .bindList("guids", List.copyOf(guids)).map(MAPPER).list()), Route::guid, Route::withMetadata);
    }

    @Override
    public Page<Route> list(ListQuery query) {
        return WithMetadata.attachPage(metadata, jdbi.withHandle(h -> LIST.page(h, COLUMNS, query, MAPPER)),
                Route::guid, Route::withMetadata);
    }

    @Override
    public boolean exists(String domainGuid, String host, String path, Integer port) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM routes WHERE domain_guid = :d"
                        + " AND host = :h AND path = :p AND port = :port")
                .bind("d", domainGuid).bind("h", host).bind("p", path).bind("port", port == null ? 0 : port)
                .mapTo(Long.class).one()) > 0;
    }

    @Override
    public boolean hostExistsUnder(String domainName, String host) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM routes r JOIN domains d"
                        + " ON d.guid = r.domain_guid WHERE LOWER(d.name) = LOWER(:n) AND r.host = :h")
                .bind("n", domainName).bind("h", host).mapTo(Long.class).one()) > 0;
    }

    @Override
    public boolean hostTakenInOtherSpace(String domainGuid, String host, String spaceGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM routes WHERE domain_guid = :d AND host = :h"
                        + " AND port = 0 AND space_guid <> :s")
                .bind("d", domainGuid).bind("h", host).bind("s", spaceGuid).mapTo(Long.class).one()) > 0;
    }

    @Override
    public List<Integer> portsInRouterGroup(String routerGroupGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT r.port FROM routes r JOIN domains d"
                        + " ON d.guid = r.domain_guid WHERE d.router_group_guid = :g AND r.port <> 0")
                .bind("g", routerGroupGuid).mapTo(Integer.class).list());
    }

    @Override
    public boolean portTaken(String routerGroupGuid, int port) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM routes r JOIN domains d"
                        + " ON d.guid = r.domain_guid WHERE d.router_group_guid = :g AND r.port = :p")
                .bind("g", routerGroupGuid).bind("p", port).mapTo(Long.class).one()) > 0;
    }

    @Override
    public boolean domainUsedInOrganization(String domainGuid, String organizationGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM routes r JOIN spaces s"
                        + " ON s.guid = r.space_guid WHERE r.domain_guid = :d AND s.organization_guid = :o")
                .bind("d", domainGuid).bind("o", organizationGuid).mapTo(Long.class).one()) > 0;
    }

    @Override
    public List<String> inSpace(String spaceGuid) {
        return guids("SELECT guid FROM routes WHERE space_guid = ? ORDER BY id", spaceGuid);
    }

    @Override
    public List<String> ofDomain(String domainGuid) {
        return guids("SELECT guid FROM routes WHERE domain_guid = ? ORDER BY id", domainGuid);
    }

    @Override
    public List<String> unmappedInSpace(String spaceGuid) {
        return guids("SELECT r.guid FROM routes r WHERE r.space_guid = ? AND NOT EXISTS"
                + " (SELECT 1 FROM route_destinations d WHERE d.route_guid = r.guid) ORDER BY r.id", spaceGuid);
    }

    private List<String> guids(String sql, String arg) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind(0, arg).mapTo(String.class).list());
    }

    @Override
    public Map<String, List<String>> sharedSpaces(Collection<String> routeGuids) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        routeGuids.forEach(g -> result.put(g, new ArrayList<>()));
        if (routeGuids.isEmpty()) {
            return result;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT route_guid, space_guid FROM route_shares"
                        + " WHERE route_guid IN (<guids>) ORDER BY id")
                .bindList("guids", List.copyOf(routeGuids))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> result.get(e.getKey()).add(e.getValue())));
        return result;
    }

    @Override
    public void insert(Route r) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO routes (guid, created_at, updated_at, host, path, port, domain_guid, space_guid,
                                   options)
                            VALUES (:guid, :createdAt, :updatedAt, :host, :path, :port, :domainGuid, :spaceGuid,
                                   :options)""")
                    .bind("guid", r.guid()).bind("createdAt", r.createdAt()).bind("updatedAt", r.updatedAt())
                    .bind("host", r.host()).bind("path", r.path()).bind("port", r.port() == null ? 0 : r.port())
                    .bind("domainGuid", r.domainGuid()).bind("spaceGuid", r.spaceGuid())
                    .bind("options", r.options() == null ? null : Json.write(r.options())).execute());
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                throw CfException.unprocessable("Route already exists"
                        + (r.host().isEmpty() ? "" : " with host '" + r.host() + "'") + ".");
            }
            throw e;
        }
    }

    @Override
    public void update(Route r) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE routes SET updated_at = :t, space_guid = :s, options = :o"
                        + " WHERE guid = :g")
                .bind("t", r.updatedAt()).bind("s", r.spaceGuid())
                .bind("o", r.options() == null ? null : Json.write(r.options())).bind("g", r.guid()).execute());
    }

    @Override
    public void touch(String guid, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE routes SET updated_at = :t WHERE guid = :g")
                .bind("t", at).bind("g", guid).execute());
    }

    @Override
    public void share(String routeGuid, String spaceGuid) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO route_shares (route_guid, space_guid) VALUES (:r, :s)")
                .bind("r", routeGuid).bind("s", spaceGuid).execute());
    }

    @Override
    public void unshare(String routeGuid, String spaceGuid) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM route_shares WHERE route_guid = :r AND space_guid = :s")
                .bind("r", routeGuid).bind("s", spaceGuid).execute());
    }

    @Override
    public void unshareAllInto(String spaceGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM route_shares WHERE space_guid = ?", spaceGuid));
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM route_shares WHERE route_guid = ?", guid);
            h.execute("DELETE FROM routes WHERE guid = ?", guid);
        });
    }

    @Override
    public long countInOrganization(String organizationGuid, boolean withPortOnly) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM routes r JOIN spaces s ON s.guid = r.space_guid"
                        + " WHERE s.organization_guid = :o" + (withPortOnly ? " AND r.port <> 0" : ""))
                .bind("o", organizationGuid).mapTo(Long.class).one());
    }

    @Override
    public long countInSpace(String spaceGuid, boolean withPortOnly) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM routes r WHERE r.space_guid = :s"
                        + (withPortOnly ? " AND r.port <> 0" : ""))
                .bind("s", spaceGuid).mapTo(Long.class).one());
    }
}
