package dev.capi.persistence.events;

import dev.capi.domain.events.AuditEventRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.AuditEvent;
import dev.capi.persistence.support.Json;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Optional;

/** Audit events in the {@code audit_events} table; {@code data} is JSON text. */
public final class JdbiAuditEventRepository implements AuditEventRepository {
    private static final String COLUMNS = "e.guid, e.created_at, e.type, e.actor_guid, e.actor_type, e.actor_name, "
            + "e.target_guid, e.target_type, e.target_name, e.data, e.space_guid, e.organization_guid";
    private static final RowMapper<AuditEvent> MAPPER = (rs, ctx) -> new AuditEvent(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), rs.getString("type"),
            new AuditEvent.Actor(rs.getString("actor_guid"), rs.getString("actor_type"), rs.getString("actor_name")),
            new AuditEvent.Target(rs.getString("target_guid"), rs.getString("target_type"), rs.getString("target_name")),
            Json.readMap(rs.getString("data")), rs.getString("space_guid"), rs.getString("organization_guid"));
    private static final ListSql LIST = new ListSql("audit_events e", "e")
            .inFilter("types", "e.type")
            .inFilter("target_guids", "e.target_guid")
            .condition("target_guids[not]", (values, binds) ->
                    "(e.target_guid IS NULL OR e.target_guid NOT IN (" + binds.list(values) + "))")
            .inFilter("space_guids", "e.space_guid")
            .inFilter("organization_guids", "e.organization_guid")
            .visibleThrough("e.space_guid", "e.organization_guid");

    private final Jdbi jdbi;

    public JdbiAuditEventRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(AuditEvent e) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO audit_events (guid, created_at, updated_at, type, actor_guid, actor_type, actor_name,
                               target_guid, target_type, target_name, data, space_guid, organization_guid)
                        VALUES (:guid, :createdAt, :createdAt, :type, :actorGuid, :actorType, :actorName, :targetGuid,
                               :targetType, :targetName, :data, :spaceGuid, :organizationGuid)""")
                .bind("guid", e.guid()).bind("createdAt", e.createdAt()).bind("type", e.type())
                .bind("actorGuid", e.actor().guid()).bind("actorType", e.actor().type())
                .bind("actorName", e.actor().name())
                .bind("targetGuid", e.target().guid()).bind("targetType", e.target().type())
                .bind("targetName", e.target().name())
                .bind("data", Json.write(e.data())).bind("spaceGuid", e.spaceGuid())
                .bind("organizationGuid", e.organizationGuid())
                .execute());
    }

    @Override
    public Optional<AuditEvent> find(String guid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM audit_events e WHERE e.guid = :g")
                .bind("g", guid).map(MAPPER).findOne());
    }

    @Override
    public Page<AuditEvent> list(ListQuery query) {
        return jdbi.withHandle(h -> LIST.page(h, COLUMNS, query, MAPPER));
    }

    @Override
    public int deleteOlderThan(java.time.Instant cutoff) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM audit_events WHERE created_at < :c")
                .bind("c", cutoff).execute());
    }
}
