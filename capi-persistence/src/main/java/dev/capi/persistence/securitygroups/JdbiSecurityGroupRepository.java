package dev.capi.persistence.securitygroups;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.securitygroups.Lifecycle;
import dev.capi.domain.securitygroups.SecurityGroupRepository;
import dev.capi.model.SecurityGroup;
import dev.capi.persistence.support.Json;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Security groups in {@code security_groups} (rules as JSON text), bindings in {@code security_groups_spaces}
 * (running) and {@code staging_security_groups_spaces}, the latest change in {@code asg_latest_update}. A page
 * costs its two list statements plus one per binding table, whatever its size.
 */
public final class JdbiSecurityGroupRepository implements SecurityGroupRepository {
    private static final String RUNNING = "security_groups_spaces";
    private static final String STAGING = "staging_security_groups_spaces";
    private static final TypeReference<List<Map<String, Object>>> RULES = new TypeReference<>() { };
    private static final String COLUMNS = "g.guid, g.created_at, g.updated_at, g.name, g.rules, g.running_default, "
            + "g.staging_default";
    private static final RowMapper<SecurityGroup> MAPPER = (rs, ctx) -> new SecurityGroup(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("name"),
            Json.readList(rs.getString("rules"), RULES), rs.getBoolean("running_default"),
            rs.getBoolean("staging_default"), List.of(), List.of());
    private static final ListSql LIST = new ListSql("security_groups g", "g")
            .inFilter("names", "g.name")
            .condition("running_space_guids", (values, binds) -> boundTo(RUNNING, ListSql.in("b.space_guid",
                    values, binds)))
            .condition("staging_space_guids", (values, binds) -> boundTo(STAGING, ListSql.in("b.space_guid",
                    values, binds)))
            .condition("globally_enabled_running", (values, binds) -> "g.running_default = "
                    + binds.add(Boolean.parseBoolean(values.get(0))))
            .condition("globally_enabled_staging", (values, binds) -> "g.staging_default = "
                    + binds.add(Boolean.parseBoolean(values.get(0))))
            .condition(RUNNING_FOR_SPACE, (values, binds) -> "(g.running_default = " + binds.add(true) + " OR "
                    + boundTo(RUNNING, "b.space_guid = " + binds.add(values.get(0))) + ")")
            .condition(STAGING_FOR_SPACE, (values, binds) -> "(g.staging_default = " + binds.add(true) + " OR "
                    + boundTo(STAGING, "b.space_guid = " + binds.add(values.get(0))) + ")")
            .visibleBy(JdbiSecurityGroupRepository::visibility);

    private final Jdbi jdbi;

    public JdbiSecurityGroupRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static String boundTo(String table, String condition) {
        return "g.guid IN (SELECT b.security_group_guid FROM " + table + " b WHERE " + condition + ")";
    }

    /** Globally enabled groups, and those bound to a space readable by space role or as its org's manager. */
    private static String visibility(Visibility v, ListSql.Binds binds) {
        String readableSpaces = "SELECT vs.guid FROM spaces vs WHERE "
                + ListSql.VisibilitySql.render(v, "vs.guid", "vs.organization_guid", binds);
        return "(g.running_default = " + binds.add(true) + " OR g.staging_default = " + binds.add(true)
                + " OR " + boundTo(RUNNING, "b.space_guid IN (" + readableSpaces + ")")
                + " OR " + boundTo(STAGING, "b.space_guid IN (" + readableSpaces + ")") + ")";
    }

    @Override
    public Optional<SecurityGroup> find(String guid) {
        return jdbi.withHandle(h -> withSpaces(h, h.createQuery("SELECT " + COLUMNS
                + " FROM security_groups g WHERE g.guid = :g").bind("g", guid).map(MAPPER).list())).stream()
                .findFirst();
    }

    @Override
    public Page<SecurityGroup> list(ListQuery query) {
        return jdbi.withHandle(h -> {
            Page<SecurityGroup> page = LIST.page(h, COLUMNS, query, MAPPER);
            return new Page<>(withSpaces(h, page.resources()), page.totalResults());
        });
    }

    /** Attaches the bound spaces of every group with one statement per binding table. */
    private static List<SecurityGroup> withSpaces(Handle h, List<SecurityGroup> groups) {
        if (groups.isEmpty()) {
            return groups;
        }
        List<String> guids = groups.stream().map(SecurityGroup::guid).toList();
        Map<String, List<String>> running = bindings(h, RUNNING, guids);
        Map<String, List<String>> staging = bindings(h, STAGING, guids);
        return groups.stream().map(g -> g.withSpaces(running.getOrDefault(g.guid(), List.of()),
                staging.getOrDefault(g.guid(), List.of()))).toList();
    }

    private static Map<String, List<String>> bindings(Handle h, String table, List<String> groupGuids) {
        Map<String, List<String>> result = new HashMap<>();
        h.createQuery("SELECT security_group_guid, space_guid FROM " + table
                        + " WHERE security_group_guid IN (<guids>) ORDER BY id")
                .bindList("guids", groupGuids)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return result;
    }

    @Override
    public boolean nameTaken(String name, String exceptGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM security_groups WHERE name = :n "
                        + "AND guid <> :g")
                .bind("n", name).bind("g", exceptGuid == null ? "" : exceptGuid).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public boolean isEmpty() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM security_groups").mapTo(Long.class).one())
                == 0;
    }

    @Override
    public void insert(SecurityGroup g) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO security_groups (guid, created_at, updated_at, name, rules, running_default,
                                                     staging_default)
                        VALUES (:guid, :createdAt, :updatedAt, :name, :rules, :running, :staging)""")
                .bind("guid", g.guid()).bind("createdAt", g.createdAt()).bind("updatedAt", g.updatedAt())
                .bind("name", g.name()).bind("rules", Json.write(g.rules())).bind("running", g.runningDefault())
                .bind("staging", g.stagingDefault()).execute());
    }

    @Override
    public void update(SecurityGroup g) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE security_groups SET updated_at = :updatedAt, name = :name, rules = :rules,
                               running_default = :running, staging_default = :staging WHERE guid = :guid""")
                .bind("guid", g.guid()).bind("updatedAt", g.updatedAt()).bind("name", g.name())
                .bind("rules", Json.write(g.rules())).bind("running", g.runningDefault())
                .bind("staging", g.stagingDefault()).execute());
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM " + RUNNING + " WHERE security_group_guid = ?", guid);
            h.execute("DELETE FROM " + STAGING + " WHERE security_group_guid = ?", guid);
            h.execute("DELETE FROM security_groups WHERE guid = ?", guid);
        });
    }

    @Override
    public void bind(String groupGuid, Lifecycle lifecycle, String spaceGuid) {
        String table = table(lifecycle);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO " + table + " (security_group_guid, space_guid) "
                        + "SELECT :g, :s FROM security_groups WHERE guid = :g AND NOT EXISTS (SELECT 1 FROM " + table
                        + " WHERE security_group_guid = :g AND space_guid = :s)")
                .bind("g", groupGuid).bind("s", spaceGuid).execute());
    }

    @Override
    public void unbind(String groupGuid, Lifecycle lifecycle, String spaceGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM " + table(lifecycle)
                + " WHERE security_group_guid = ? AND space_guid = ?", groupGuid, spaceGuid));
    }

    @Override
    public void unbindSpace(String spaceGuid) {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM " + RUNNING + " WHERE space_guid = ?", spaceGuid);
            h.execute("DELETE FROM " + STAGING + " WHERE space_guid = ?", spaceGuid);
        });
    }

    @Override
    public Instant latestUpdate() {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_update FROM asg_latest_update WHERE id = 1")
                .map((rs, ctx) -> Optional.ofNullable(TimeColumns.read(rs, 1))).findFirst())
                .flatMap(o -> o).orElse(Instant.EPOCH);
    }

    @Override
    public void renewLatestUpdate(Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE asg_latest_update SET last_update = CASE WHEN last_update "
                        + "IS NULL OR last_update < :at THEN :at ELSE last_update END WHERE id = 1")
                .bind("at", at).execute());
    }

    private static String table(Lifecycle lifecycle) {
        return lifecycle == Lifecycle.RUNNING ? RUNNING : STAGING;
    }
}
