package dev.capi.persistence.quotas;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.quotas.OrganizationQuotaRepository;
import dev.capi.model.OrganizationQuota;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Organization quotas in {@code organization_quotas}; the organizations a quota applies to are those whose
 * {@code quota_guid} names it, loaded for a whole page in one statement.
 */
public final class JdbiOrganizationQuotaRepository implements OrganizationQuotaRepository {
    private static final String COLUMNS = "oq.guid, oq.created_at, oq.updated_at, oq.name, "
            + QuotaColumns.select("oq", true);
    private static final RowMapper<OrganizationQuota> MAPPER = (rs, ctx) -> new OrganizationQuota(
            rs.getString("guid"), TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"),
            rs.getString("name"), QuotaColumns.read(rs, true), List.of());

    private final Jdbi jdbi;

    public JdbiOrganizationQuotaRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The list SQL for one query: {@code organization_guids} matches quotas through organizations the query's
     * visibility reads (the reference's fetcher); the quotas themselves are visible to every reader.
     */
    private static ListSql listSql(Visibility visibility) {
        return new ListSql("organization_quotas oq", "oq")
                .inFilter("names", "oq.name")
                .condition("organization_guids", (values, binds) -> {
                    String readable = visibility == null || visibility.all() ? ""
                            : " AND " + (visibility.userGuid() == null ? "1=0"
                            : ListSql.VisibilitySql.render(visibility, null, "o.guid", binds));
                    return "oq.guid IN (SELECT o.quota_guid FROM organizations o WHERE "
                            + ListSql.in("o.guid", values, binds) + readable + ")";
                });
    }

    @Override
    public Optional<OrganizationQuota> find(String guid, Visibility organizationsVisible) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM organization_quotas oq WHERE oq.guid = :g")
                .bind("g", guid).map(MAPPER).findOne()
                .map(q -> withOrganizations(h, List.of(q), organizationsVisible).get(0)));
    }

    @Override
    public Optional<OrganizationQuota> findByName(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM organization_quotas oq WHERE oq.name = :n")
                .bind("n", name).map(MAPPER).findOne());
    }

    @Override
    public Page<OrganizationQuota> list(ListQuery query) {
        return jdbi.withHandle(h -> {
            Page<OrganizationQuota> page = listSql(query.visibility())
                    .page(h, COLUMNS, query.withVisibility(Visibility.everything()), MAPPER);
            return new Page<>(withOrganizations(h, page.resources(), query.visibility()), page.totalResults());
        });
    }

    /** Attaches, in one statement, the guids of the organizations each quota applies to that {@code v} reads. */
    private static List<OrganizationQuota> withOrganizations(Handle h, List<OrganizationQuota> quotas, Visibility v) {
        if (quotas.isEmpty() || v == null || (!v.all() && v.userGuid() == null)) {
            return quotas;
        }
        ListSql.Binds binds = new ListSql.Binds();
        String sql = "SELECT o.quota_guid, o.guid FROM organizations o WHERE o.quota_guid IN ("
                + binds.list(quotas.stream().map(OrganizationQuota::guid).toList()) + ")"
                + (v.all() ? "" : " AND " + ListSql.VisibilitySql.render(v, null, "o.guid", binds))
                + " ORDER BY o.id";
        var query = h.createQuery(sql);
        binds.applyTo(query);
        Map<String, List<String>> byQuota = new LinkedHashMap<>();
        query.map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> byQuota.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return quotas.stream().map(q -> q.withOrganizationGuids(byQuota.getOrDefault(q.guid(), List.of()))).toList();
    }

    @Override
    public boolean nameTaken(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM organization_quotas WHERE name_key = LOWER(:n)")
                .bind("n", name).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public void insert(OrganizationQuota q) {
        QuotaColumns.uniquely(() -> jdbi.useHandle(h -> QuotaColumns.bind(h.createUpdate(
                        "INSERT INTO organization_quotas (guid, created_at, updated_at, name, " + QuotaColumns.INSERT_COLUMNS
                                + ", total_private_domains) VALUES (:guid, :createdAt, :updatedAt, :name, "
                                + QuotaColumns.INSERT_VALUES + ", :domains)"), q.limits())
                .bind("guid", q.guid()).bind("createdAt", q.createdAt()).bind("updatedAt", q.updatedAt())
                .bind("name", q.name()).execute()), () -> alreadyExists(q));
    }

    @Override
    public void update(OrganizationQuota q) {
        QuotaColumns.uniquely(() -> jdbi.useHandle(h -> QuotaColumns.bind(h.createUpdate(
                        "UPDATE organization_quotas SET updated_at = :updatedAt, name = :name, " + QuotaColumns.UPDATE_SET
                                + ", total_private_domains = :domains WHERE guid = :guid"), q.limits())
                .bind("guid", q.guid()).bind("updatedAt", q.updatedAt()).bind("name", q.name()).execute()),
                () -> alreadyExists(q));
    }

    private static String alreadyExists(OrganizationQuota q) {
        return "Organization Quota '" + q.name() + "' already exists.";
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM organization_quotas WHERE guid = ?", guid));
    }

    @Override
    public void applyTo(String quotaGuid, Collection<String> organizationGuids, Instant at) {
        if (organizationGuids.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE organizations SET quota_guid = :q, updated_at = :at WHERE guid IN (<guids>)")
                .bind("q", quotaGuid).bind("at", at).bindList("guids", List.copyOf(organizationGuids)).execute());
    }

    @Override
    public List<String> organizationGuids(String quotaGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT guid FROM organizations WHERE quota_guid = :q ORDER BY id")
                .bind("q", quotaGuid).mapTo(String.class).list());
    }

    @Override
    public boolean inUse(String quotaGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM organizations WHERE quota_guid = :q")
                .bind("q", quotaGuid).setMaxRows(1).mapTo(Integer.class).findFirst().isPresent());
    }
}
