package dev.capi.persistence.serviceinstances;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.serviceinstances.ServiceInstanceFilter;
import dev.capi.domain.serviceinstances.ServiceInstanceRepository;
import dev.capi.model.Metadata;
import dev.capi.model.ServiceInstance;
import dev.capi.model.ServiceUsageEvent;
import dev.capi.model.Space;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.spaces.JdbiSpaceRepository;
import dev.capi.persistence.support.Json;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.MetadataRows;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementException;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Service instances in {@code service_instances} and their shares in {@code service_instance_shares}. JSON fields
 * (tags, maintenance_info, credentials, pending_request) are TEXT columns. A restricted visibility sees the instances
 * of its spaces and those shared into them; {@code space_guids} also matches instances shared into those spaces, as
 * the reference's list fetcher does.
 */
public final class JdbiServiceInstanceRepository implements ServiceInstanceRepository {
    private static final String COLUMNS = "si.guid, si.created_at, si.updated_at, si.name, si.space_guid, si.type, "
            + "si.service_plan_guid, si.tags, si.dashboard_url, si.maintenance_info, si.credentials, "
            + "si.syslog_drain_url, si.route_service_url, si.last_operation_type, si.last_operation_state, "
            + "si.last_operation_description, si.last_operation_created_at, si.last_operation_updated_at, "
            + "si.broker_operation, si.job_guid, si.next_poll_at, si.poll_deadline, si.pending_request";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String NAME_CONSTRAINT = "service_instances_space_name_uq";

    private static final RowMapper<ServiceInstance> MAPPER = (rs, ctx) -> {
        String opType = rs.getString("last_operation_type");
        ServiceInstance.LastOperation op = opType == null ? null : new ServiceInstance.LastOperation(opType,
                rs.getString("last_operation_state"), rs.getString("last_operation_description"),
                TimeColumns.read(rs, "last_operation_created_at"), TimeColumns.read(rs, "last_operation_updated_at"));
        var polling = new ServiceInstance.Polling(rs.getString("broker_operation"), rs.getString("job_guid"),
                TimeColumns.read(rs, "next_poll_at"), TimeColumns.read(rs, "poll_deadline"),
                Json.readMap(rs.getString("pending_request")));
        return new ServiceInstance(rs.getString("guid"), TimeColumns.read(rs, "created_at"),
                TimeColumns.read(rs, "updated_at"), rs.getString("name"), rs.getString("space_guid"),
                rs.getString("type"), rs.getString("service_plan_guid"), strings(rs.getString("tags")),
                rs.getString("dashboard_url"), Json.readMap(rs.getString("maintenance_info")),
                Json.readMap(rs.getString("credentials")), rs.getString("syslog_drain_url"),
                rs.getString("route_service_url"), op, polling, Metadata.empty());
    };

    private static final String SHARED_INTO = "EXISTS (SELECT 1 FROM service_instance_shares sh "
            + "WHERE sh.service_instance_guid = si.guid AND sh.space_guid IN (%s))";

    private static final ListSql LIST = new ListSql("service_instances si JOIN spaces s ON s.guid = si.space_guid",
            "si")
            .inFilter(ServiceInstanceFilter.NAMES, "si.name")
            .condition(ServiceInstanceFilter.SPACE_GUIDS, (guids, binds) -> {
                String list = binds.list(guids);
                return "(si.space_guid IN (" + list + ") OR " + SHARED_INTO.formatted(list) + ")";
            })
            .inFilter(ServiceInstanceFilter.ORGANIZATION_GUIDS, "s.organization_guid")
            .inFilter(ServiceInstanceFilter.SERVICE_PLAN_GUIDS, "si.service_plan_guid")
            .condition(ServiceInstanceFilter.SERVICE_PLAN_NAMES, (names, binds) -> "si.service_plan_guid IN "
                    + "(SELECT sp.guid FROM service_plans sp WHERE sp.name IN (" + binds.list(names) + "))")
            .inFilter(ServiceInstanceFilter.TYPE, "si.type")
            .orderColumn("name", "si.name")
            .visibleBy(JdbiServiceInstanceRepository::visibility);

    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;
    private final JdbiSpaceRepository spaces;
    private final MetadataRows<ServiceInstance> rows;

    public JdbiServiceInstanceRepository(Jdbi jdbi, JdbiMetadataRepository metadata, JdbiSpaceRepository spaces) {
        this.jdbi = jdbi;
        this.metadata = metadata;
        this.spaces = spaces;
        this.rows = new MetadataRows<>(jdbi, metadata, LIST, COLUMNS, MAPPER, ServiceInstance::guid,
                ServiceInstance::withMetadata);
    }

    /** Instances of the user's spaces (space roles; org managers) and those shared into them. */
    private static String visibility(Visibility v, ListSql.Binds binds) {
        String own = ListSql.VisibilitySql.render(v, "si.space_guid", "s.organization_guid", binds);
        String shared = "EXISTS (SELECT 1 FROM service_instance_shares vsh JOIN spaces vs ON vs.guid = vsh.space_guid"
                + " WHERE vsh.service_instance_guid = si.guid AND "
                + ListSql.VisibilitySql.render(v, "vsh.space_guid", "vs.organization_guid", binds) + ")";
        return "(" + own + " OR " + shared + ")";
    }

    @Override
    public Optional<ServiceInstance> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Page<ServiceInstance> list(ListQuery query) {
        return rows.page(query);
    }

    @Override
    public boolean nameTaken(String spaceGuid, String name) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM service_instances WHERE space_guid = :s AND name = :n")
                .bind("s", spaceGuid).bind("n", name).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public Optional<ServiceInstance> findByName(String spaceGuid, String name) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT guid FROM service_instances WHERE space_guid = :s AND name = :n")
                .bind("s", spaceGuid).bind("n", name).mapTo(String.class).findOne()).flatMap(this::find);
    }

    @Override
    public boolean sharedNameTaken(String spaceGuid, String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM service_instance_shares sh "
                        + "JOIN service_instances si ON si.guid = sh.service_instance_guid "
                        + "WHERE sh.space_guid = :s AND si.name = :n")
                .bind("s", spaceGuid).bind("n", name).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public void deleteBindings(String instanceGuid) {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM service_credential_bindings WHERE service_instance_guid = ?", instanceGuid);
            h.execute("DELETE FROM service_route_bindings WHERE service_instance_guid = ?", instanceGuid);
        });
    }

    @Override
    public Map<String, Long> boundAppCountsInSharedSpaces(String instanceGuid) {
        return jdbi.withHandle(h -> {
            Map<String, Long> out = new LinkedHashMap<>();
            h.createQuery("SELECT sh.space_guid, COUNT(DISTINCT b.app_guid) AS n FROM service_instance_shares sh "
                            + "JOIN apps a ON a.space_guid = sh.space_guid "
                            + "JOIN service_credential_bindings b ON b.app_guid = a.guid "
                            + "AND b.service_instance_guid = sh.service_instance_guid "
                            + "WHERE sh.service_instance_guid = :g GROUP BY sh.space_guid")
                    .bind("g", instanceGuid)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    @Override
    public void insert(ServiceInstance si) {
        refusingDuplicateNames(() -> jdbi.useHandle(h -> bindAll(h.createUpdate("""
                INSERT INTO service_instances (guid, created_at, updated_at, name, space_guid, type, service_plan_guid,
                    tags, dashboard_url, maintenance_info, credentials, syslog_drain_url, route_service_url,
                    last_operation_type, last_operation_state, last_operation_description, last_operation_created_at,
                    last_operation_updated_at, broker_operation, job_guid, next_poll_at, poll_deadline, pending_request)
                VALUES (:guid, :createdAt, :updatedAt, :name, :spaceGuid, :type, :planGuid, :tags, :dashboardUrl,
                    :maintenanceInfo, :credentials, :syslogDrainUrl, :routeServiceUrl, :opType, :opState,
                    :opDescription, :opCreatedAt, :opUpdatedAt, :brokerOperation, :jobGuid, :nextPollAt,
                    :pollDeadline, :pendingRequest)"""), si).execute()));
    }

    @Override
    public void update(ServiceInstance si) {
        refusingDuplicateNames(() -> jdbi.useHandle(h -> bindAll(h.createUpdate("""
                UPDATE service_instances SET updated_at = :updatedAt, name = :name, service_plan_guid = :planGuid,
                    tags = :tags, dashboard_url = :dashboardUrl, maintenance_info = :maintenanceInfo,
                    credentials = :credentials, syslog_drain_url = :syslogDrainUrl, route_service_url = :routeServiceUrl,
                    last_operation_type = :opType, last_operation_state = :opState,
                    last_operation_description = :opDescription, last_operation_created_at = :opCreatedAt,
                    last_operation_updated_at = :opUpdatedAt, broker_operation = :brokerOperation, job_guid = :jobGuid,
                    next_poll_at = :nextPollAt, poll_deadline = :pollDeadline, pending_request = :pendingRequest
                 WHERE guid = :guid"""), si).execute()));
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindAll(S st, ServiceInstance si) {
        var op = si.lastOperation();
        var p = si.polling();
        return st.bind("guid", si.guid()).bind("createdAt", si.createdAt()).bind("updatedAt", si.updatedAt())
                .bind("name", si.name()).bind("spaceGuid", si.spaceGuid()).bind("type", si.type())
                .bind("planGuid", si.servicePlanGuid()).bind("tags", Json.write(si.tags()))
                .bind("dashboardUrl", si.dashboardUrl())
                .bind("maintenanceInfo", si.maintenanceInfo().isEmpty() ? null : Json.write(si.maintenanceInfo()))
                .bind("credentials", si.managed() ? null : Json.write(si.credentials()))
                .bind("syslogDrainUrl", si.syslogDrainUrl()).bind("routeServiceUrl", si.routeServiceUrl())
                .bind("opType", op == null ? null : op.type()).bind("opState", op == null ? null : op.state())
                .bind("opDescription", op == null ? null : op.description())
                .bindByType("opCreatedAt", op == null ? null : op.createdAt(), Instant.class)
                .bindByType("opUpdatedAt", op == null ? null : op.updatedAt(), Instant.class)
                .bind("brokerOperation", p.brokerOperation()).bind("jobGuid", p.jobGuid())
                .bindByType("nextPollAt", p.nextPollAt(), Instant.class)
                .bindByType("pollDeadline", p.pollDeadline(), Instant.class)
                .bind("pendingRequest", p.request().isEmpty() ? null : Json.write(p.request()));
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM service_instance_shares WHERE service_instance_guid = ?", guid);
            h.execute("DELETE FROM service_instances WHERE guid = ?", guid);
        });
        metadata.delete(guid);
    }

    @Override
    public List<Space> sharedSpaces(String instanceGuid) {
        List<String> guids = jdbi.withHandle(h -> h.createQuery(
                        "SELECT space_guid FROM service_instance_shares WHERE service_instance_guid = :g ORDER BY id")
                .bind("g", instanceGuid).mapTo(String.class).list());
        if (guids.isEmpty()) {
            return List.of();
        }
        Map<String, Space> byGuid = new LinkedHashMap<>();
        spaces.findAll(guids).forEach(s -> byGuid.put(s.guid(), s));
        return guids.stream().map(byGuid::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public void share(String instanceGuid, Collection<String> spaceGuids) {
        jdbi.useHandle(h -> {
            for (String space : spaceGuids) {
                int exists = h.createQuery("SELECT COUNT(*) FROM service_instance_shares "
                                + "WHERE service_instance_guid = :g AND space_guid = :s")
                        .bind("g", instanceGuid).bind("s", space).mapTo(Integer.class).one();
                if (exists == 0) {
                    h.createUpdate("INSERT INTO service_instance_shares (service_instance_guid, space_guid) "
                            + "VALUES (:g, :s)").bind("g", instanceGuid).bind("s", space).execute();
                }
            }
        });
    }

    @Override
    public void unshare(String instanceGuid, String spaceGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM service_instance_shares WHERE service_instance_guid = ? "
                + "AND space_guid = ?", instanceGuid, spaceGuid));
    }

    @Override
    public List<ServiceInstance> claimDue(Instant now, int limit) {
        List<String> guids = jdbi.withHandle(h -> h.createQuery("SELECT guid FROM service_instances "
                        + "WHERE next_poll_at IS NOT NULL AND next_poll_at <= :now ORDER BY next_poll_at "
                        + "LIMIT " + limit + " FOR UPDATE SKIP LOCKED")
                .bindByType("now", now, Instant.class).mapTo(String.class).list());
        return rows.findAll(guids);
    }

    @Override
    public List<String> inSpace(String spaceGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT guid FROM service_instances WHERE space_guid = :s "
                + "ORDER BY id").bind("s", spaceGuid).mapTo(String.class).list());
    }

    @Override
    public void unshareFromSpace(String spaceGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM service_instance_shares WHERE space_guid = ?", spaceGuid));
    }

    @Override
    public List<ServiceUsageEvent> snapshots() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT si.guid, si.name, si.type, s.guid AS space_guid, s.name AS space_name,
                               s.organization_guid, sp.guid AS plan_guid, sp.name AS plan_name, so.guid AS offering_guid,
                               so.name AS offering_name, sb.guid AS broker_guid, sb.name AS broker_name
                          FROM service_instances si JOIN spaces s ON s.guid = si.space_guid
                          LEFT JOIN service_plans sp ON sp.guid = si.service_plan_guid
                          LEFT JOIN service_offerings so ON so.guid = sp.service_offering_guid
                          LEFT JOIN service_brokers sb ON sb.guid = so.service_broker_guid
                         ORDER BY si.id""")
                .map((rs, ctx) -> new ServiceUsageEvent(null, null, ServiceUsageEvent.CREATED,
                        rs.getString("space_guid"), rs.getString("space_name"), rs.getString("organization_guid"),
                        rs.getString("guid"), rs.getString("name"),
                        ServiceInstance.MANAGED.equals(rs.getString("type")) ? "managed_service_instance"
                                : "user_provided_service_instance", rs.getString("plan_guid"),
                        rs.getString("plan_name"), rs.getString("offering_guid"), rs.getString("offering_name"),
                        rs.getString("broker_guid"), rs.getString("broker_name")))
                .list());
    }

    private static List<String> strings(String json) {
        return Json.readList(json, new TypeReference<List<String>>() { });
    }

    private static void refusingDuplicateNames(Runnable write) {
        try {
            write.run();
        } catch (StatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains(NAME_CONSTRAINT)) {
                throw new ServiceInstanceRepository.NameTaken(e);
            }
            throw e;
        }
    }
}
