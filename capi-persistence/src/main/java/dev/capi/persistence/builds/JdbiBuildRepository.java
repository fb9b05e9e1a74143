package dev.capi.persistence.builds;

import dev.capi.domain.builds.BuildFilter;
import dev.capi.domain.builds.BuildRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Build;
import dev.capi.model.Metadata;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.JsonColumns;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.MetadataRows;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds in the {@code builds} table. */
public final class JdbiBuildRepository implements BuildRepository {
    private static final String COLUMNS = "b.guid, b.created_at, b.updated_at, b.app_guid, b.space_guid, "
            + "b.organization_guid, b.package_guid, b.droplet_guid, b.state, b.error, b.lifecycle_type, "
            + "b.buildpacks, b.stack, b.staging_memory_in_mb, b.staging_disk_in_mb, b.staging_log_rate_limit, "
            + "b.created_by_guid, b.created_by_name, b.created_by_email";
    private static final RowMapper<Build> MAPPER = (rs, ctx) -> new Build(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("app_guid"),
            rs.getString("space_guid"), rs.getString("organization_guid"), rs.getString("package_guid"),
            rs.getString("droplet_guid"), rs.getString("state"), rs.getString("error"),
            rs.getString("lifecycle_type"), JsonColumns.stringList(rs.getString("buildpacks")), rs.getString("stack"),
            rs.getLong("staging_memory_in_mb"), rs.getLong("staging_disk_in_mb"),
            rs.getLong("staging_log_rate_limit"), rs.getString("created_by_guid"), rs.getString("created_by_name"),
            rs.getString("created_by_email"), Metadata.empty());
    private static final ListSql LIST = new ListSql("builds b", "b")
            .inFilter(BuildFilter.APP_GUIDS, "b.app_guid")
            .inFilter(BuildFilter.PACKAGE_GUIDS, "b.package_guid")
            .inFilter(BuildFilter.STATES, "b.state")
            .inFilter(BuildFilter.SPACE_GUIDS, "b.space_guid")
            .inFilter(BuildFilter.ORGANIZATION_GUIDS, "b.organization_guid")
            .visibleThrough("b.space_guid", "b.organization_guid");

    private final Jdbi jdbi;
    private final MetadataRows<Build> rows;

    public JdbiBuildRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.rows = new MetadataRows<>(jdbi, metadata, LIST, COLUMNS, MAPPER, Build::guid, Build::withMetadata);
    }

    @Override
    public Optional<Build> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Page<Build> list(ListQuery query) {
        return rows.page(query);
    }

    @Override
    public boolean stagingForApp(String appGuid) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM builds WHERE app_guid = :a AND state = 'STAGING'")
                .bind("a", appGuid).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public void insert(Build b) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO builds (guid, created_at, updated_at, app_guid, space_guid, organization_guid,
                                            package_guid, droplet_guid, state, error, lifecycle_type, buildpacks, stack,
                                            staging_memory_in_mb, staging_disk_in_mb, staging_log_rate_limit,
                                            created_by_guid, created_by_name, created_by_email)
                        VALUES (:guid, :createdAt, :updatedAt, :appGuid, :spaceGuid, :organizationGuid, :packageGuid,
                                :dropletGuid, :state, :error, :lifecycleType, :packs, :stack, :stagingMemoryInMb,
                                :stagingDiskInMb, :stagingLogRateLimit, :createdByGuid, :createdByName,
                                :createdByEmail)""")
                .bindMethods(b).bind("packs", JsonColumns.write(b.buildpacks())).execute());
    }

    @Override
    public void update(Build b) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE builds SET updated_at = :updatedAt, state = :state, error = :error,
                               droplet_guid = :dropletGuid
                         WHERE guid = :guid""")
                .bindMethods(b).execute());
    }

    @Override
    public List<String> stagingSince(Instant cutoff, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT guid FROM builds WHERE state = 'STAGING' AND updated_at < :cutoff
                         ORDER BY updated_at, guid""")
                .bind("cutoff", cutoff).setMaxRows(limit).mapTo(String.class).list());
    }

    @Override
    public boolean failStaging(String guid, Instant cutoff, String error, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE builds SET state = 'FAILED', error = :error, updated_at = :now
                         WHERE guid = :guid AND state = 'STAGING' AND updated_at < :cutoff""")
                .bind("guid", guid).bind("error", error).bind("now", now).bind("cutoff", cutoff).execute()) == 1;
    }
}
