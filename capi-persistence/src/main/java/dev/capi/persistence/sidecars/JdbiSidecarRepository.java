package dev.capi.persistence.sidecars;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.sidecars.SidecarFilter;
import dev.capi.domain.sidecars.SidecarRepository;
import dev.capi.model.Sidecar;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sidecars in {@code sidecars}, their process types in {@code sidecar_process_types} (one batched read a page). */
public final class JdbiSidecarRepository implements SidecarRepository {
    private static final String COLUMNS = "s.guid, s.created_at, s.updated_at, s.app_guid, s.space_guid, "
            + "s.organization_guid, s.name, s.command, s.memory_in_mb, s.origin";
    private static final RowMapper<Sidecar> MAPPER = (rs, ctx) -> {
        long memory = rs.getLong("memory_in_mb");
        Long memoryInMb = rs.wasNull() ? null : memory;
        return new Sidecar(rs.getString("guid"), TimeColumns.read(rs, "created_at"),
                TimeColumns.read(rs, "updated_at"), rs.getString("app_guid"), rs.getString("space_guid"),
                rs.getString("organization_guid"), rs.getString("name"), rs.getString("command"), List.of(),
                memoryInMb, rs.getString("origin"));
    };
    private static final ListSql LIST = new ListSql("sidecars s", "s")
            .inFilter(SidecarFilter.APP_GUIDS, "s.app_guid")
            .condition(SidecarFilter.PROCESS_TYPES, (values, binds) -> "s.guid IN (SELECT pt.sidecar_guid FROM "
                    + "sidecar_process_types pt WHERE pt.type IN (" + binds.list(values) + "))");

    private final Jdbi jdbi;

    public JdbiSidecarRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Sidecar> find(String guid) {
        return jdbi.withHandle(h -> withTypes(h, LIST.byGuids(h, COLUMNS, List.of(guid), MAPPER))).stream()
                .findFirst();
    }

    @Override
    public Page<Sidecar> list(ListQuery query) {
        return jdbi.withHandle(h -> {
            Page<Sidecar> page = LIST.page(h, COLUMNS, query, MAPPER);
            return new Page<>(withTypes(h, page.resources()), page.totalResults());
        });
    }

    private static List<Sidecar> withTypes(Handle h, List<Sidecar> sidecars) {
        if (sidecars.isEmpty()) {
            return sidecars;
        }
        Collection<String> guids = sidecars.stream().map(Sidecar::guid).toList();
        Map<String, List<String>> types = new HashMap<>();
        h.createQuery("SELECT sidecar_guid, type FROM sidecar_process_types WHERE sidecar_guid IN (<g>) ORDER BY type")
                .bindList("g", guids)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> types.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return sidecars.stream().map(s -> new Sidecar(s.guid(), s.createdAt(), s.updatedAt(), s.appGuid(),
                s.spaceGuid(), s.organizationGuid(), s.name(), s.command(), types.getOrDefault(s.guid(), List.of()),
                s.memoryInMb(), s.origin())).toList();
    }

    @Override
    public boolean nameTaken(String appGuid, String name, String exceptGuid) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM sidecars WHERE app_guid = :a AND name = :n AND guid <> :g")
                .bind("a", appGuid).bind("n", name).bind("g", exceptGuid == null ? "" : exceptGuid)
                .mapTo(Integer.class).one()) > 0;
    }

    @Override
    public void insert(Sidecar s) {
        jdbi.useHandle(h -> {
            h.createUpdate("""
                            INSERT INTO sidecars (guid, created_at, updated_at, app_guid, space_guid,
                                                  organization_guid, name, command, memory_in_mb, origin)
                            VALUES (:guid, :createdAt, :updatedAt, :appGuid, :spaceGuid, :organizationGuid, :name,
                                    :command, :memoryInMb, :origin)""")
                    .bindMethods(s).execute();
            writeTypes(h, s);
        });
    }

    @Override
    public void update(Sidecar s) {
        jdbi.useHandle(h -> {
            h.createUpdate("""
                            UPDATE sidecars SET updated_at = :updatedAt, name = :name, command = :command,
                                   memory_in_mb = :memoryInMb WHERE guid = :guid""")
                    .bindMethods(s).execute();
            h.execute("DELETE FROM sidecar_process_types WHERE sidecar_guid = ?", s.guid());
            writeTypes(h, s);
        });
    }

    private static void writeTypes(Handle h, Sidecar s) {
        var batch = h.prepareBatch("INSERT INTO sidecar_process_types (sidecar_guid, app_guid, type) VALUES (?, ?, ?)");
        s.processTypes().forEach(t -> batch.add(s.guid(), s.appGuid(), t));
        if (!s.processTypes().isEmpty()) {
            batch.execute();
        }
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM sidecar_process_types WHERE sidecar_guid = ?", guid);
            h.execute("DELETE FROM sidecars WHERE guid = ?", guid);
        });
    }
}
