package dev.capi.persistence.isolationsegments;

import dev.capi.domain.isolationsegments.IsolationSegmentRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.IsolationSegment;
import dev.capi.model.Metadata;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import dev.capi.persistence.support.WithMetadata;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Isolation segments in {@code isolation_segments}, entitlements in {@code organizations_isolation_segments}, and
 * the segment columns of {@code organizations} and {@code spaces}.
 */
public final class JdbiIsolationSegmentRepository implements IsolationSegmentRepository {
    private static final String COLUMNS = "i.guid, i.created_at, i.updated_at, i.name";
    private static final RowMapper<IsolationSegment> MAPPER = (rs, ctx) -> new IsolationSegment(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("name"),
            Metadata.empty());
    private static final ListSql LIST = new ListSql("isolation_segments i", "i")
            .inFilter("names", "i.name")
            .condition("organization_guids", (values, binds) -> "i.guid IN (SELECT e.isolation_segment_guid FROM "
                    + "organizations_isolation_segments e WHERE " + ListSql.in("e.organization_guid", values, binds)
                    + ")")
            .orderColumn("name", "i.name")
            .visibleBy((v, binds) -> "i.guid IN (SELECT ve.isolation_segment_guid FROM "
                    + "organizations_isolation_segments ve WHERE "
                    + ListSql.VisibilitySql.render(v, null, "ve.organization_guid", binds) + ")");

    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;

    public JdbiIsolationSegmentRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.metadata = metadata;
    }

    @Override
    public Optional<IsolationSegment> find(String guid) {
        List<IsolationSegment> rows = jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM isolation_segments i WHERE i.guid = :g")
                .bind("g", guid).map(MAPPER).list());
        return WithMetadata.attach(metadata, rows, IsolationSegment::guid, IsolationSegment::withMetadata).stream()
                .findFirst();
    }

    @Override
    public Page<IsolationSegment> list(ListQuery query) {
        return WithMetadata.attachPage(metadata, jdbi.withHandle(h -> LIST.page(h, COLUMNS, query, MAPPER)),
                IsolationSegment::guid, IsolationSegment::withMetadata);
    }

    @Override
    public boolean nameTaken(String name, String exceptGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM isolation_segments "
                        + "WHERE name_key = LOWER(:n) AND guid <> :g")
                .bind("n", name).bind("g", exceptGuid == null ? "" : exceptGuid).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public void insert(IsolationSegment s) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO isolation_segments (guid, created_at, updated_at, name) "
                + "VALUES (:guid, :createdAt, :updatedAt, :name)").bindMethods(s).execute());
    }

    @Override
    public void update(IsolationSegment s) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE isolation_segments SET updated_at = :updatedAt, name = :name "
                + "WHERE guid = :guid").bindMethods(s).execute());
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM organizations_isolation_segments WHERE isolation_segment_guid = ?", guid);
            h.execute("DELETE FROM isolation_segments WHERE guid = ?", guid);
        });
    }

    @Override
    public List<String> organizationGuids(String segmentGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT organization_guid FROM organizations_isolation_segments "
                        + "WHERE isolation_segment_guid = :s ORDER BY id")
                .bind("s", segmentGuid).mapTo(String.class).list());
    }

    @Override
    public boolean entitled(String segmentGuid, String organizationGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM organizations_isolation_segments "
                        + "WHERE isolation_segment_guid = :s AND organization_guid = :o")
                .bind("s", segmentGuid).bind("o", organizationGuid).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public void entitle(String segmentGuid, String organizationGuid) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO organizations_isolation_segments (organization_guid, isolation_segment_guid)
                        SELECT :o, :s FROM organizations WHERE guid = :o AND NOT EXISTS (
                            SELECT 1 FROM organizations_isolation_segments
                            WHERE organization_guid = :o AND isolation_segment_guid = :s)""")
                .bind("o", organizationGuid).bind("s", segmentGuid).execute());
    }

    @Override
    public void revoke(String segmentGuid, String organizationGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM organizations_isolation_segments "
                + "WHERE isolation_segment_guid = ? AND organization_guid = ?", segmentGuid, organizationGuid));
    }

    @Override
    public void revokeAll(String organizationGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM organizations_isolation_segments WHERE organization_guid = ?",
                organizationGuid));
    }

    @Override
    public List<String> spaceGuids(String segmentGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT guid FROM spaces WHERE isolation_segment_guid = :s "
                + "ORDER BY id").bind("s", segmentGuid).mapTo(String.class).list());
    }

    @Override
    public List<String> spaceNames(String segmentGuid, String organizationGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT name FROM spaces WHERE isolation_segment_guid = :s "
                        + "AND organization_guid = :o ORDER BY id")
                .bind("s", segmentGuid).bind("o", organizationGuid).mapTo(String.class).list());
    }

    @Override
    public Optional<String> organizationDefault(String organizationGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT default_isolation_segment_guid FROM organizations "
                        + "WHERE guid = :o").bind("o", organizationGuid).mapTo(String.class).list())
                .stream().filter(Objects::nonNull).findFirst();
    }

    @Override
    public void setOrganizationDefault(String organizationGuid, String segmentGuid, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE organizations SET default_isolation_segment_guid = :s, "
                        + "updated_at = :at WHERE guid = :o")
                .bind("s", segmentGuid).bind("at", at).bind("o", organizationGuid).execute());
    }

    @Override
    public boolean inUseAsDefault(String segmentGuid) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT (SELECT COUNT(*) FROM organizations WHERE default_isolation_segment_guid = :s)
                             + (SELECT COUNT(*) FROM spaces WHERE isolation_segment_guid = :s)""")
                .bind("s", segmentGuid).mapTo(Long.class).one()) > 0;
    }
}
