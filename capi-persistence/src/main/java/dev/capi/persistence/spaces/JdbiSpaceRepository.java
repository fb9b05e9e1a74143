package dev.capi.persistence.spaces;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.model.Metadata;
import dev.capi.model.Space;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import dev.capi.persistence.support.WithMetadata;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementException;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Spaces in the {@code spaces} table. Names compare case-insensitively, as the reference's (citext) column does: the
 * {@code names} filter, the order by name and {@link #nameTaken}.
 */
public final class JdbiSpaceRepository implements SpaceRepository {
    private static final String COLUMNS = "s.guid, s.created_at, s.updated_at, s.name, s.organization_guid, "
            + "s.suspended, s.allow_ssh, s.quota_guid, s.isolation_segment_guid";
    private static final RowMapper<Space> MAPPER = (rs, ctx) -> new Space(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("name"),
            rs.getString("organization_guid"), rs.getBoolean("suspended"), rs.getBoolean("allow_ssh"),
            rs.getString("quota_guid"), rs.getString("isolation_segment_guid"), Metadata.empty());
    private static final ListSql LIST = new ListSql("spaces s", "s")
            .condition("names", (names, binds) -> ListSql.in("LOWER(s.name)", lowered(names), binds))
            .inFilter("organization_guids", "s.organization_guid")
            .orderColumn("name", "LOWER(s.name)")
            .visibleThrough("s.guid", "s.organization_guid");

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String NAME_CONSTRAINT = "spaces_org_name_uq";

    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;

    public JdbiSpaceRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.metadata = metadata;
    }

    @Override
    public Optional<Space> find(String guid) {
        return findAll(List.of(guid)).stream().findFirst();
    }

    @Override
    public List<Space> findAll(Collection<String> guids) {
        return WithMetadata.attach(metadata, jdbi.withHandle(h -> LIST.byGuids(h, COLUMNS, guids, MAPPER)),
                Space::guid, Space::withMetadata);
    }

    @Override
    public List<Space> inOrganization(String organizationGuid) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM spaces s WHERE s.organization_guid = :o ORDER BY s.id")
                .bind("o", organizationGuid).map(MAPPER).list());
    }

    @Override
    public Page<Space> list(ListQuery query) {
        return WithMetadata.attachPage(metadata, jdbi.withHandle(h -> LIST.page(h, COLUMNS, query, MAPPER)),
                Space::guid, Space::withMetadata);
    }

    @Override
    public boolean nameTaken(String organizationGuid, String name) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM spaces WHERE organization_guid = :o AND name_key = LOWER(:n)")
                .bind("o", organizationGuid).bind("n", name).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public void insert(Space s) {
        refusingDuplicateNames(() -> jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO spaces (guid, created_at, updated_at, name, organization_guid, suspended, allow_ssh,
                                            quota_guid, isolation_segment_guid)
                        VALUES (:guid, :createdAt, :updatedAt, :name, :organizationGuid, :suspended, :allowSsh,
                                :quotaGuid, :isolationSegmentGuid)""")
                .bindMethods(s).execute()));
    }

    @Override
    public void update(Space s) {
        refusingDuplicateNames(() -> jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE spaces SET updated_at = :updatedAt, name = :name, suspended = :suspended,
                               allow_ssh = :allowSsh, quota_guid = :quotaGuid,
                               isolation_segment_guid = :isolationSegmentGuid
                         WHERE guid = :guid""")
                .bindMethods(s).execute()));
    }

    private static List<String> lowered(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    /** Turns a violation of {@code spaces_org_name_uq} (SQLSTATE 23505 on H2 and PostgreSQL) into the port's error. */
    private static void refusingDuplicateNames(Runnable write) {
        try {
            write.run();
        } catch (StatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains(NAME_CONSTRAINT)) {
                throw new SpaceRepository.NameTaken(e);
            }
            throw e;
        }
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM spaces WHERE guid = ?", guid));
    }
}
