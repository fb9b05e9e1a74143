package dev.capi.persistence.servicebindings;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.servicebindings.BindingRequest;
import dev.capi.domain.servicebindings.PollSchedule;
import dev.capi.domain.servicebindings.RouteBindingFilter;
import dev.capi.domain.servicebindings.RouteBindingRepository;
import dev.capi.model.Metadata;
import dev.capi.model.ServiceRouteBinding;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.MetadataRows;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Route bindings in {@code service_route_bindings}; the route's space is joined in every read. */
public final class JdbiRouteBindingRepository implements RouteBindingRepository {
    private static final String FROM = "service_route_bindings b"
            + " JOIN routes r ON r.guid = b.route_guid"
            + " JOIN spaces s ON s.guid = r.space_guid"
            + " JOIN service_instances si ON si.guid = b.service_instance_guid";
    private static final String COLUMNS = "b.guid, b.created_at, b.updated_at, b.service_instance_guid, b.route_guid, "
            + "s.guid AS space_guid, si.type AS instance_type, b.route_service_url, b.last_operation_type, b.last_operation_state, "
            + "b.last_operation_description, b.last_operation_created_at, b.last_operation_updated_at, "
            + "b.broker_operation";
    private static final RowMapper<ServiceRouteBinding> MAPPER = (rs, ctx) -> new ServiceRouteBinding(
            rs.getString("guid"), TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"),
            rs.getString("service_instance_guid"), rs.getString("route_guid"), rs.getString("space_guid"),
            !"user-provided".equals(rs.getString("instance_type")), rs.getString("route_service_url"), BindingColumns.operation(rs), rs.getString("broker_operation"),
            Metadata.empty());
    private static final ListSql LIST = new ListSql(FROM, "b")
            .inFilter(RouteBindingFilter.SERVICE_INSTANCE_GUIDS, "b.service_instance_guid")
            .inFilter(RouteBindingFilter.SERVICE_INSTANCE_NAMES, "si.name")
            .inFilter(RouteBindingFilter.ROUTE_GUIDS, "b.route_guid")
            .visibleThrough("s.guid", "s.organization_guid");

    private final Jdbi jdbi;
    private final MetadataRows<ServiceRouteBinding> rows;
    private final BindingColumns shared = new BindingColumns("service_route_bindings");

    public JdbiRouteBindingRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.rows = new MetadataRows<>(jdbi, metadata, LIST, COLUMNS, MAPPER, ServiceRouteBinding::guid,
                ServiceRouteBinding::withMetadata);
    }

    @Override
    public Optional<ServiceRouteBinding> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Page<ServiceRouteBinding> list(ListQuery query) {
        return rows.page(query);
    }

    @Override
    public Optional<ServiceRouteBinding> binding(String instanceGuid, String routeGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM " + FROM
                        + " WHERE b.service_instance_guid = :i AND b.route_guid = :r")
                .bind("i", instanceGuid).bind("r", routeGuid).map(MAPPER).findFirst());
    }

    @Override
    public Optional<String> instanceOfRoute(String routeGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT service_instance_guid FROM service_route_bindings "
                + "WHERE route_guid = :r ORDER BY id").bind("r", routeGuid).mapTo(String.class).findFirst());
    }

    @Override
    public void insert(ServiceRouteBinding b, BindingRequest request) {
        jdbi.useHandle(h -> BindingColumns.bindOperation(h.createUpdate("""
                        INSERT INTO service_route_bindings (guid, created_at, updated_at, service_instance_guid,
                            route_guid, route_service_url, last_operation_type, last_operation_state,
                            last_operation_description, last_operation_created_at, last_operation_updated_at,
                            broker_operation, request_parameters, actor_guid, actor_name)
                        VALUES (:guid, :createdAt, :updatedAt, :instance, :route, :url, :opType, :opState,
                            :opDescription, :opCreated, :opUpdated, :brokerOperation, :parameters, :actorGuid,
                            :actorName)"""), b.lastOperation(), b.brokerOperation())
                .bind("guid", b.guid()).bind("createdAt", b.createdAt()).bind("updatedAt", b.updatedAt())
                .bind("instance", b.serviceInstanceGuid()).bind("route", b.routeGuid())
                .bind("url", b.routeServiceUrl())
                .bind("parameters", BindingColumns.jsonOrNull(request.parameters()))
                .bind("actorGuid", request.actorGuid()).bind("actorName", request.actorName()).execute());
    }

    @Override
    public void update(ServiceRouteBinding b) {
        jdbi.useHandle(h -> BindingColumns.bindOperation(h.createUpdate("UPDATE service_route_bindings SET "
                        + "updated_at = :updatedAt, route_service_url = :url, " + BindingColumns.OPERATION_SET
                        + " WHERE guid = :guid"), b.lastOperation(), b.brokerOperation())
                .bind("guid", b.guid()).bind("updatedAt", b.updatedAt()).bind("url", b.routeServiceUrl()).execute());
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM service_route_bindings WHERE guid = ?", guid));
    }

    @Override
    public Optional<BindingRequest> request(String guid) {
        return jdbi.withHandle(h -> shared.request(h, guid));
    }

    @Override
    public void recordActor(String guid, String actorGuid, String actorName) {
        jdbi.useHandle(h -> shared.recordActor(h, guid, actorGuid, actorName));
    }

    @Override
    public void clearParameters(String guid) {
        jdbi.useHandle(h -> shared.clearParameters(h, guid));
    }

    @Override
    public void schedule(String guid, PollSchedule schedule) {
        jdbi.useHandle(h -> shared.schedule(h, guid, schedule));
    }

    @Override
    public Optional<PollSchedule> schedule(String guid) {
        return jdbi.withHandle(h -> shared.schedule(h, guid));
    }

    @Override
    public void unschedule(String guid) {
        jdbi.useHandle(h -> shared.unschedule(h, guid));
    }

    @Override
    public List<String> claimDue(Instant now, int limit) {
        return jdbi.withHandle(h -> shared.claimDue(h, now, limit));
    }

    @Override
    public List<String> ofInstance(String instanceGuid) {
        return guids("b.service_instance_guid = :v", instanceGuid);
    }

    @Override
    public List<String> ofRoute(String routeGuid) {
        return guids("b.route_guid = :v", routeGuid);
    }

    @Override
    public List<String> inOrganization(String organizationGuid) {
        return guids("(s.organization_guid = :v OR si.space_guid IN (SELECT guid FROM spaces WHERE "
                + "organization_guid = :v))", organizationGuid);
    }

    @Override
    public List<String> inSpace(String spaceGuid) {
        return guids("(s.guid = :v OR si.space_guid = :v)", spaceGuid);
    }

    private List<String> guids(String where, String value) {
        return jdbi.withHandle(h -> h.createQuery("SELECT b.guid FROM " + FROM + " WHERE " + where + " ORDER BY b.id")
                .bind("v", value).mapTo(String.class).list());
    }
}
