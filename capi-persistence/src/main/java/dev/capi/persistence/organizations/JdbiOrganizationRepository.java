package dev.capi.persistence.organizations;

import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.MetadataRows;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Organizations in the {@code organizations} table. */
public final class JdbiOrganizationRepository implements OrganizationRepository {
    private static final String COLUMNS = "o.guid, o.created_at, o.updated_at, o.name, o.suspended, o.quota_guid";
    private static final RowMapper<Organization> MAPPER = (rs, ctx) -> new Organization(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("name"),
            rs.getBoolean("suspended"), rs.getString("quota_guid"), Metadata.empty());
    private static final ListSql LIST = new ListSql("organizations o", "o")
            .inFilter("names", "o.name")
            .condition(OrganizationRepository.ENTITLED_TO, (values, binds) -> "o.guid IN (SELECT ois.organization_guid"
                    + " FROM organizations_isolation_segments ois WHERE ois.isolation_segment_guid IN ("
                    + binds.list(values) + "))")
            .orderColumn("name", "o.name")
            .visibleThrough(null, "o.guid");

    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;
    private final MetadataRows<Organization> rows;
    private final String defaultQuotaName;

    /** New organizations get the organization quota named {@code default}, when it exists. */
    public JdbiOrganizationRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this(jdbi, metadata, "default");
    }

    /** New organizations get the organization quota named {@code defaultQuotaName} (null: none). */
    public JdbiOrganizationRepository(Jdbi jdbi, JdbiMetadataRepository metadata, String defaultQuotaName) {
        this.jdbi = jdbi;
        this.metadata = metadata;
        this.rows = new MetadataRows<>(jdbi, metadata, LIST, COLUMNS, MAPPER, Organization::guid, Organization::withMetadata);
        this.defaultQuotaName = defaultQuotaName;
    }

    @Override
    public Optional<Organization> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public List<Organization> findAll(Collection<String> guids) {
        return rows.findAll(guids);
    }

    @Override
    public Page<Organization> list(ListQuery query) {
        return rows.page(query);
    }

    @Override
    public boolean nameTaken(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM organizations WHERE name_key = LOWER(:n)")
                .bind("n", name).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public Optional<String> defaultQuotaGuid() {
        if (defaultQuotaName == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT guid FROM organization_quotas WHERE name = :n")
                .bind("n", defaultQuotaName).mapTo(String.class).findOne());
    }

    @Override
    public void insert(Organization org) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO organizations (guid, created_at, updated_at, name, suspended, quota_guid)
                        VALUES (:guid, :createdAt, :updatedAt, :name, :suspended, :quotaGuid)""")
                .bindMethods(org).execute());
    }

    @Override
    public void update(Organization org) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE organizations SET updated_at = :updatedAt, name = :name, suspended = :suspended,
                               quota_guid = :quotaGuid WHERE guid = :guid""")
                .bindMethods(org).execute());
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM organizations WHERE guid = ?", guid));
    }
}
