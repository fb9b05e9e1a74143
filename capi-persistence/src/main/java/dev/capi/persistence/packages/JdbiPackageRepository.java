package dev.capi.persistence.packages;

import dev.capi.domain.packages.PackageFilter;
import dev.capi.domain.packages.PackageRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.AppPackage;
import dev.capi.model.Metadata;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.MetadataRows;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Packages in the {@code packages} table (space and organization copied from the app). */
public final class JdbiPackageRepository implements PackageRepository {
    private static final String COLUMNS = "p.guid, p.created_at, p.updated_at, p.app_guid, p.space_guid, "
            + "p.organization_guid, p.type, p.state, p.error, p.sha1, p.sha256, p.blob_key, p.docker_image, "
            + "p.docker_username, p.docker_password";
    private static final RowMapper<AppPackage> MAPPER = (rs, ctx) -> new AppPackage(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("app_guid"),
            rs.getString("space_guid"), rs.getString("organization_guid"), rs.getString("type"),
            rs.getString("state"), rs.getString("error"), rs.getString("sha1"), rs.getString("sha256"),
            rs.getString("blob_key"), rs.getString("docker_image"), rs.getString("docker_username"),
            rs.getString("docker_password"), Metadata.empty());
    private static final ListSql LIST = new ListSql("packages p", "p")
            .inFilter(PackageFilter.APP_GUIDS, "p.app_guid")
            .inFilter(PackageFilter.SPACE_GUIDS, "p.space_guid")
            .inFilter(PackageFilter.ORGANIZATION_GUIDS, "p.organization_guid")
            .inFilter(PackageFilter.STATES, "p.state")
            .inFilter(PackageFilter.TYPES, "p.type")
            .visibleThrough("p.space_guid", "p.organization_guid");

    private final Jdbi jdbi;
    private final MetadataRows<AppPackage> rows;

    public JdbiPackageRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.rows = new MetadataRows<>(jdbi, metadata, LIST, COLUMNS, MAPPER, AppPackage::guid,
                AppPackage::withMetadata);
    }

    @Override
    public Optional<AppPackage> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Page<AppPackage> list(ListQuery query) {
        return rows.page(query);
    }

    @Override
    public void insert(AppPackage p) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO packages (guid, created_at, updated_at, app_guid, space_guid, organization_guid,
                                              type, state, error, sha1, sha256, blob_key, docker_image,
                                              docker_username, docker_password)
                        VALUES (:guid, :createdAt, :updatedAt, :appGuid, :spaceGuid, :organizationGuid, :type,
                                :state, :error, :sha1, :sha256, :blobKey, :dockerImage, :dockerUsername,
                                :dockerPassword)""")
                .bindMethods(p).execute());
    }

    @Override
    public void update(AppPackage p) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE packages SET updated_at = :updatedAt, state = :state, error = :error, sha1 = :sha1,
                               sha256 = :sha256, blob_key = :blobKey, docker_username = :dockerUsername,
                               docker_password = :dockerPassword
                         WHERE guid = :guid""")
                .bindMethods(p).execute());
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM packages WHERE guid = ?", guid));
    }

    @Override
    public int failStale(Collection<String> states, Instant cutoff, String error, Instant now) {
        if (states.isEmpty()) {
            return 0;
        }
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE packages SET state = 'FAILED', error = :error, updated_at = :now
                         WHERE state IN (<states>) AND updated_at < :cutoff""")
                .bindList("states", List.copyOf(states)).bind("error", error).bind("now", now)
                .bind("cutoff", cutoff).execute());
    }
}
