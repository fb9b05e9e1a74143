package dev.capi.persistence.processes;

import dev.capi.domain.apps.ProcessRepository;
import dev.capi.domain.processes.ProcessFilter;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.AppProcess;
import dev.capi.model.AppProcess.HealthCheck;
import dev.capi.model.DesiredState;
import dev.capi.model.Metadata;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Processes in the {@code processes} table, read with their app's space and organization. Their labels and
 * annotations are keyed {@code process:<guid>} ({@link AppProcess#metadataKey()}).
 */
public final class JdbiProcessRepository implements ProcessRepository {
    private static final String FROM = "processes p JOIN apps a ON a.guid = p.app_guid "
            + "JOIN spaces sp ON sp.guid = a.space_guid";
    private static final String COLUMNS = "p.guid, p.created_at, p.updated_at, p.app_guid, a.space_guid, "
            + "sp.organization_guid, p.type, p.command, p.run_user, p.instances, p.memory_in_mb, p.disk_in_mb, "
            + "p.log_rate_limit, p.health_check_type, p.health_check_endpoint, p.health_check_timeout, "
            + "p.health_check_invocation_timeout, p.health_check_interval, p.readiness_check_type, "
            + "p.readiness_check_endpoint, p.readiness_check_invocation_timeout, p.readiness_check_interval, "
            + "p.state, p.version, p.revision_guid";
    private static final RowMapper<AppProcess> MAPPER = (rs, ctx) -> new AppProcess(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("app_guid"),
            rs.getString("space_guid"), rs.getString("organization_guid"), rs.getString("type"),
            rs.getString("command"), rs.getString("run_user"), rs.getInt("instances"), rs.getLong("memory_in_mb"),
            rs.getLong("disk_in_mb"), rs.getLong("log_rate_limit"),
            new HealthCheck(rs.getString("health_check_type"), rs.getString("health_check_endpoint"),
                    integer(rs, "health_check_timeout"), integer(rs, "health_check_invocation_timeout"),
                    integer(rs, "health_check_interval")),
            new HealthCheck(rs.getString("readiness_check_type"), rs.getString("readiness_check_endpoint"), null,
                    integer(rs, "readiness_check_invocation_timeout"), integer(rs, "readiness_check_interval")),
            DesiredState.valueOf(rs.getString("state")), rs.getString("version"), rs.getString("revision_guid"),
            Metadata.empty());
    private static final ListSql LIST = new ListSql(FROM, "p")
            .inFilter(ProcessFilter.TYPES, "p.type")
            .inFilter(ProcessFilter.APP_GUIDS, "p.app_guid")
            .inFilter(ProcessFilter.SPACE_GUIDS, "a.space_guid")
            .inFilter(ProcessFilter.ORGANIZATION_GUIDS, "sp.organization_guid")
            .labelsOn("('process:' || p.guid)")
            .visibleThrough("a.space_guid", "sp.organization_guid");

    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;

    public JdbiProcessRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.metadata = metadata;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    @Override
    public Optional<AppProcess> find(String guid) {
        return attach(jdbi.withHandle(h -> LIST.byGuids(h, COLUMNS, List.of(guid), MAPPER))).stream().findFirst();
    }

    @Override
    public Optional<AppProcess> findByType(String appGuid, String type) {
        return attach(jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM " + FROM
                        + " WHERE p.app_guid = :a AND p.type = :t ORDER BY p.created_at DESC, p.id DESC")
                .bind("a", appGuid).bind("t", type).map(MAPPER).list())).stream().findFirst();
    }

    @Override
    public List<AppProcess> forApp(String appGuid) {
        return forApps(List.of(appGuid));
    }

    @Override
    public List<AppProcess> forApps(Collection<String> appGuids) {
        if (appGuids.isEmpty()) {
            return List.of();
        }
        return attach(jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM " + FROM
                        + " WHERE p.app_guid IN (<apps>) ORDER BY p.id")
                .bindList("apps", List.copyOf(appGuids)).map(MAPPER).list()));
    }

    @Override
    public Page<AppProcess> list(ListQuery query) {
        Page<AppProcess> page = jdbi.withHandle(h -> LIST.page(h, COLUMNS, query, MAPPER));
        return new Page<>(attach(page.resources()), page.totalResults());
    }

    private List<AppProcess> attach(List<AppProcess> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, Metadata> all = metadata.loadAll(rows.stream().map(AppProcess::metadataKey).toList());
        return rows.stream().map(p -> p.withMetadata(all.get(p.metadataKey()))).toList();
    }

    @Override
    public void insert(AppProcess p) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO processes (guid, created_at, updated_at, app_guid, type, command, run_user,
                               instances, memory_in_mb, disk_in_mb, log_rate_limit, health_check_type,
                               health_check_endpoint, health_check_timeout, health_check_invocation_timeout,
                               health_check_interval, readiness_check_type, readiness_check_endpoint,
                               readiness_check_invocation_timeout, readiness_check_interval, state, version,
                               revision_guid)
                        VALUES (:guid, :createdAt, :updatedAt, :appGuid, :type, :command, :user, :instances,
                                :memory, :disk, :logRate, :hcType, :hcEndpoint, :hcTimeout, :hcInvocation,
                                :hcInterval, :rcType, :rcEndpoint, :rcInvocation, :rcInterval, :state, :version,
                                :revisionGuid)""")
                .bind("createdAt", p.createdAt()).bind("appGuid", p.appGuid()).bind("type", p.type())
                .bindMap(columns(p)).execute());
    }

    @Override
    public void update(AppProcess p) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE processes SET updated_at = :updatedAt, command = :command, run_user = :user,
                               instances = :instances, memory_in_mb = :memory, disk_in_mb = :disk,
                               log_rate_limit = :logRate, health_check_type = :hcType,
                               health_check_endpoint = :hcEndpoint, health_check_timeout = :hcTimeout,
                               health_check_invocation_timeout = :hcInvocation,
                               health_check_interval = :hcInterval, readiness_check_type = :rcType,
                               readiness_check_endpoint = :rcEndpoint,
                               readiness_check_invocation_timeout = :rcInvocation,
                               readiness_check_interval = :rcInterval, state = :state, version = :version,
                               revision_guid = :revisionGuid
                         WHERE guid = :guid""")
                .bindMap(columns(p)).execute());
    }

    private static Map<String, Object> columns(AppProcess p) {
        var m = new HashMap<String, Object>();
        m.put("guid", p.guid());
        m.put("updatedAt", p.updatedAt());
        m.put("command", p.command());
        m.put("user", p.user());
        m.put("instances", p.instances());
        m.put("memory", p.memoryInMb());
        m.put("disk", p.diskInMb());
        m.put("logRate", p.logRateLimit());
        m.put("hcType", p.healthCheck().type());
        m.put("hcEndpoint", p.healthCheck().endpoint());
        m.put("hcTimeout", p.healthCheck().timeout());
        m.put("hcInvocation", p.healthCheck().invocationTimeout());
        m.put("hcInterval", p.healthCheck().interval());
        m.put("rcType", p.readinessCheck().type());
        m.put("rcEndpoint", p.readinessCheck().endpoint());
        m.put("rcInvocation", p.readinessCheck().invocationTimeout());
        m.put("rcInterval", p.readinessCheck().interval());
        m.put("state", p.state().name());
        m.put("version", p.version());
        m.put("revisionGuid", p.revisionGuid());
        return m;
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM processes WHERE guid = ?", guid));
    }
}
