package dev.capi.persistence.quotas;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.quotas.SpaceQuotaRepository;
import dev.capi.model.SpaceQuota;
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
import java.util.Set;

/**
 * Space quotas in {@code space_quotas}; the spaces a quota applies to are those whose {@code quota_guid} names it,
 * loaded for a whole page in one statement.
 */
public final class JdbiSpaceQuotaRepository implements SpaceQuotaRepository {
    private static final String COLUMNS = "sq.guid, sq.created_at, sq.updated_at, sq.name, sq.organization_guid, "
            + QuotaColumns.select("sq", false);
    private static final RowMapper<SpaceQuota> MAPPER = (rs, ctx) -> new SpaceQuota(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("name"),
            rs.getString("organization_guid"), QuotaColumns.read(rs, false), List.of());
    private static final String VISIBLE = "visible";

    private final Jdbi jdbi;

    public JdbiSpaceQuotaRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The list SQL for one query. Its visibility (space roles, org roles) selects quotas applied to a space where the
     * user holds one of the space roles, or owned by an organization where the user holds one of the org roles.
     */
    private static ListSql listSql(Visibility v) {
        return new ListSql("space_quotas sq", "sq")
                .inFilter("names", "sq.name")
                .inFilter("organization_guids", "sq.organization_guid")
                .condition("space_guids", (values, binds) -> "sq.guid IN (SELECT s.quota_guid FROM spaces s WHERE "
                        + ListSql.in("s.guid", values, binds) + ")")
                .condition(VISIBLE, (values, binds) -> visibleQuotas(v, binds));
    }

    private static String visibleQuotas(Visibility v, ListSql.Binds binds) {
        if (v.all()) {
            return "";
        }
        if (v.userGuid() == null) {
            return "1=0";
        }
        String bySpace = ListSql.VisibilitySql.render(Visibility.of(v.userGuid(), v.spaceRoles(), Set.of()),
                "s.guid", null, binds);
        String byOrg = ListSql.VisibilitySql.render(Visibility.of(v.userGuid(), Set.of(), v.orgRoles()), null,
                "sq.organization_guid", binds);
        return "(sq.guid IN (SELECT s.quota_guid FROM spaces s WHERE " + bySpace + ") OR " + byOrg + ")";
    }

    @Override
    public Optional<SpaceQuota> find(String guid, Visibility spacesVisible) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM space_quotas sq WHERE sq.guid = :g")
                .bind("g", guid).map(MAPPER).findOne()
                .map(q -> withSpaces(h, List.of(q), spacesVisible).get(0)));
    }

    @Override
    public Page<SpaceQuota> list(ListQuery query) {
        Visibility v = query.visibility() == null ? Visibility.everything() : query.visibility();
        return jdbi.withHandle(h -> {
            Page<SpaceQuota> page = listSql(v).page(h, COLUMNS,
                    query.withVisibility(Visibility.everything()).withFilter(VISIBLE, List.of()), MAPPER);
            return new Page<>(withSpaces(h, page.resources(), v), page.totalResults());
        });
    }

    /** Attaches, in one statement, the guids of the spaces each quota applies to that {@code v} reads. */
    private static List<SpaceQuota> withSpaces(Handle h, List<SpaceQuota> quotas, Visibility v) {
        if (quotas.isEmpty() || v == null || (!v.all() && v.userGuid() == null)) {
            return quotas;
        }
        ListSql.Binds binds = new ListSql.Binds();
        String sql = "SELECT s.quota_guid, s.guid FROM spaces s WHERE s.quota_guid IN ("
                + binds.list(quotas.stream().map(SpaceQuota::guid).toList()) + ")"
                + (v.all() ? "" : " AND " + ListSql.VisibilitySql.render(v, "s.guid", "s.organization_guid", binds))
                + " ORDER BY s.id";
        var query = h.createQuery(sql);
        binds.applyTo(query);
        Map<String, List<String>> byQuota = new LinkedHashMap<>();
        query.map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> byQuota.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return quotas.stream().map(q -> q.withSpaceGuids(byQuota.getOrDefault(q.guid(), List.of()))).toList();
    }

    @Override
    public boolean nameTaken(String organizationGuid, String name) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT 1 FROM space_quotas WHERE organization_guid = :o AND name = :n")
                .bind("o", organizationGuid).bind("n", name).mapTo(Integer.class).findFirst().isPresent());
    }

    @Override
    public void insert(SpaceQuota q) {
        QuotaColumns.uniquely(() -> jdbi.useHandle(h -> QuotaColumns.bind(h.createUpdate(
                        "INSERT INTO space_quotas (guid, created_at, updated_at, name, organization_guid, "
                                + QuotaColumns.INSERT_COLUMNS + ") VALUES (:guid, :createdAt, :updatedAt, :name, :org, "
                                + QuotaColumns.INSERT_VALUES + ")"), q.limits())
                .bind("guid", q.guid()).bind("createdAt", q.createdAt()).bind("updatedAt", q.updatedAt())
                .bind("name", q.name()).bind("org", q.organizationGuid()).execute()), () -> alreadyExists(q));
    }

    @Override
    public void update(SpaceQuota q) {
        QuotaColumns.uniquely(() -> jdbi.useHandle(h -> QuotaColumns.bind(h.createUpdate(
                        "UPDATE space_quotas SET updated_at = :updatedAt, name = :name, " + QuotaColumns.UPDATE_SET
                                + " WHERE guid = :guid"), q.limits())
                .bind("guid", q.guid()).bind("updatedAt", q.updatedAt()).bind("name", q.name()).execute()),
                () -> alreadyExists(q));
    }

    private static String alreadyExists(SpaceQuota q) {
        return "Space Quota '" + q.name() + "' already exists.";
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM space_quotas WHERE guid = ?", guid));
    }

    @Override
    public void applyTo(String quotaGuid, Collection<String> spaceGuids, Instant at) {
        if (spaceGuids.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE spaces SET quota_guid = :q, updated_at = :at WHERE guid IN (<guids>)")
                .bind("q", quotaGuid).bind("at", at).bindList("guids", List.copyOf(spaceGuids)).execute());
    }

    @Override
    public void removeFrom(String quotaGuid, String spaceGuid, Instant at) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE spaces SET quota_guid = NULL, updated_at = :at WHERE guid = :s AND quota_guid = :q")
                .bind("q", quotaGuid).bind("s", spaceGuid).bind("at", at).execute());
    }

    @Override
    public List<String> spaceGuids(String quotaGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT guid FROM spaces WHERE quota_guid = :q ORDER BY id")
                .bind("q", quotaGuid).mapTo(String.class).list());
    }

    @Override
    public boolean inUse(String quotaGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM spaces WHERE quota_guid = :q")
                .bind("q", quotaGuid).setMaxRows(1).mapTo(Integer.class).findFirst().isPresent());
    }

    @Override
    public void deleteForOrganization(String organizationGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM space_quotas WHERE organization_guid = ?", organizationGuid));
    }
}
