package dev.capi.persistence.registrycredentials;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.registrycredentials.RegistryCredentialRepository;
import dev.capi.model.Metadata;
import dev.capi.model.RegistryCredential;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.MetadataRows;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Optional;

/** Registry credentials in the {@code registry_credentials} table. */
public final class JdbiRegistryCredentialRepository implements RegistryCredentialRepository {
    private static final String COLUMNS = "c.guid, c.created_at, c.updated_at, c.location, c.username, c.password, "
            + "c.organization_guid, c.space_guid";
    private static final RowMapper<RegistryCredential> MAPPER = (rs, ctx) -> new RegistryCredential(
            rs.getString("guid"), TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"),
            rs.getString("location"), rs.getString("username"), rs.getString("password"),
            rs.getString("organization_guid"), rs.getString("space_guid"), Metadata.empty());
    private static final ListSql LIST = new ListSql("registry_credentials c", "c")
            .inFilter("space_guids", "c.space_guid")
            .inFilter("organization_guids", "c.organization_guid")
            .inFilter("locations", "c.location")
            .condition("scopes", (values, binds) -> {
                boolean space = values.contains("space");
                boolean org = values.contains("organization");
                if (space && org) {
                    return "1=1";
                }
                return space ? "c.space_guid IS NOT NULL" : org ? "c.space_guid IS NULL" : "1=0";
            })
            .visibleThrough("c.space_guid", "c.organization_guid");

    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;
    private final MetadataRows<RegistryCredential> rows;

    public JdbiRegistryCredentialRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.metadata = metadata;
        this.rows = new MetadataRows<>(jdbi, metadata, LIST, COLUMNS, MAPPER, RegistryCredential::guid, RegistryCredential::withMetadata);
    }

    @Override
    public Optional<RegistryCredential> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Page<RegistryCredential> list(ListQuery query) {
        return rows.page(query);
    }

    @Override
    public boolean locationTaken(String organizationGuid, String spaceGuid, String location) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM registry_credentials WHERE scope_guid = :s AND location = :l")
                .bind("s", spaceGuid != null ? spaceGuid : organizationGuid).bind("l", location)
                .mapTo(Integer.class).one()) > 0;
    }

    @Override
    public void insert(RegistryCredential c) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO registry_credentials (guid, created_at, updated_at, location, username, password,
                                                          organization_guid, space_guid, scope_guid)
                        VALUES (:guid, :createdAt, :updatedAt, :location, :username, :password, :organizationGuid,
                                :spaceGuid, :scope)""")
                .bindMethods(c).bind("scope", c.spaceGuid() != null ? c.spaceGuid() : c.organizationGuid())
                .execute());
    }

    @Override
    public void update(RegistryCredential c) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE registry_credentials SET updated_at = :updatedAt, username = :username,
                               password = :password WHERE guid = :guid""")
                .bindMethods(c).execute());
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM registry_credentials WHERE guid = ?", guid);
            metadata.delete(guid);
        });
    }

    @Override
    public void deleteForSpace(String spaceGuid) {
        deleteWhere("space_guid", spaceGuid);
    }

    @Override
    public void deleteForOrganization(String organizationGuid) {
        deleteWhere("organization_guid", organizationGuid);
    }

    private void deleteWhere(String column, String guid) {
        jdbi.useHandle(h -> {
            String owned = "SELECT guid FROM registry_credentials WHERE " + column + " = :g";
            h.createUpdate("DELETE FROM labels WHERE resource_guid IN (" + owned + ")").bind("g", guid).execute();
            h.createUpdate("DELETE FROM annotations WHERE resource_guid IN (" + owned + ")").bind("g", guid).execute();
            h.createUpdate("DELETE FROM registry_credentials WHERE " + column + " = :g").bind("g", guid).execute();
        });
    }
}
