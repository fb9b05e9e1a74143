package dev.capi.persistence.droplets;

import dev.capi.domain.droplets.DropletFilter;
import dev.capi.domain.droplets.DropletRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Droplet;
import dev.capi.model.Metadata;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.JsonColumns;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.MetadataRows;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Optional;

/** Droplets in the {@code droplets} table (process types and buildpacks as JSON text). */
public final class JdbiDropletRepository implements DropletRepository {
    private static final String COLUMNS = "d.guid, d.created_at, d.updated_at, d.app_guid, d.space_guid, "
            + "d.organization_guid, d.package_guid, d.build_guid, d.state, d.error, d.lifecycle_type, "
            + "d.process_types, d.execution_metadata, d.buildpacks, d.stack, d.image, d.sha1, d.sha256, d.blob_key";
    private static final RowMapper<Droplet> MAPPER = (rs, ctx) -> new Droplet(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("app_guid"),
            rs.getString("space_guid"), rs.getString("organization_guid"), rs.getString("package_guid"),
            rs.getString("build_guid"), rs.getString("state"), rs.getString("error"), rs.getString("lifecycle_type"),
            JsonColumns.stringMap(rs.getString("process_types")), rs.getString("execution_metadata"),
            JsonColumns.stringList(rs.getString("buildpacks")), rs.getString("stack"), rs.getString("image"),
            rs.getString("sha1"), rs.getString("sha256"), rs.getString("blob_key"), Metadata.empty());
    private static final ListSql LIST = new ListSql("droplets d", "d")
            .inFilter(DropletFilter.APP_GUIDS, "d.app_guid")
            .inFilter(DropletFilter.SPACE_GUIDS, "d.space_guid")
            .inFilter(DropletFilter.ORGANIZATION_GUIDS, "d.organization_guid")
            .inFilter(DropletFilter.STATES, "d.state")
            .inFilter(DropletFilter.PACKAGE_GUIDS, "d.package_guid")
            .visibleThrough("d.space_guid", "d.organization_guid");

    private final Jdbi jdbi;
    private final MetadataRows<Droplet> rows;

    public JdbiDropletRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.rows = new MetadataRows<>(jdbi, metadata, LIST, COLUMNS, MAPPER, Droplet::guid, Droplet::withMetadata);
    }

    @Override
    public Optional<Droplet> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Optional<Droplet> findByBuild(String buildGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT d.guid FROM droplets d WHERE d.build_guid = :b")
                .bind("b", buildGuid).mapTo(String.class).findFirst()).flatMap(this::find);
    }

    @Override
    public Page<Droplet> list(ListQuery query) {
        return rows.page(query);
    }

    @Override
    public void insert(Droplet d) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO droplets (guid, created_at, updated_at, app_guid, space_guid, organization_guid,
                                              package_guid, build_guid, state, error, lifecycle_type, process_types,
                                              execution_metadata, buildpacks, stack, image, sha1, sha256, blob_key)
                        VALUES (:guid, :createdAt, :updatedAt, :appGuid, :spaceGuid, :organizationGuid, :packageGuid,
                                :buildGuid, :state, :error, :lifecycleType, :types, :executionMetadata, :packs,
                                :stack, :image, :sha1, :sha256, :blobKey)""")
                .bindMethods(d).bind("types", JsonColumns.write(d.processTypes()))
                .bind("packs", JsonColumns.write(d.buildpacks())).execute());
    }

    @Override
    public void update(Droplet d) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE droplets SET updated_at = :updatedAt, state = :state, error = :error,
                               process_types = :types, execution_metadata = :executionMetadata, buildpacks = :packs,
                               stack = :stack, image = :image, sha1 = :sha1, sha256 = :sha256, blob_key = :blobKey
                         WHERE guid = :guid""")
                .bindMethods(d).bind("types", JsonColumns.write(d.processTypes()))
                .bind("packs", JsonColumns.write(d.buildpacks())).execute());
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM droplets WHERE guid = ?", guid));
    }
}
