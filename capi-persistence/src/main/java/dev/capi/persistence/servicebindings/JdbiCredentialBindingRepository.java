package dev.capi.persistence.servicebindings;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.servicebindings.BindingRequest;
import dev.capi.domain.servicebindings.CredentialBindingFilter;
import dev.capi.domain.servicebindings.CredentialBindingRepository;
import dev.capi.domain.servicebindings.PollSchedule;
import dev.capi.model.Metadata;
import dev.capi.model.ServiceCredentialBinding;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.MetadataRows;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Credential bindings in {@code service_credential_bindings}; the binding's space is the app's (app bindings) or the
 * instance's (keys), joined in every read, so that visibility and the organization filters are plain SQL.
 */
public final class JdbiCredentialBindingRepository implements CredentialBindingRepository {
    static final String FROM = "service_credential_bindings b"
            + " JOIN service_instances si ON si.guid = b.service_instance_guid"
            + " LEFT JOIN apps a ON a.guid = b.app_guid"
            + " JOIN spaces s ON s.guid = COALESCE(a.space_guid, si.space_guid)";
    private static final String COLUMNS = "b.guid, b.created_at, b.updated_at, b.type, b.name, "
            + "b.service_instance_guid, b.app_guid, s.guid AS space_guid, si.type AS instance_type, b.credentials, b.syslog_drain_url, "
            + "b.volume_mounts, b.last_operation_type, b.last_operation_state, b.last_operation_description, "
            + "b.last_operation_created_at, b.last_operation_updated_at, b.broker_operation";
    private static final RowMapper<ServiceCredentialBinding> MAPPER = (rs, ctx) -> new ServiceCredentialBinding(
            rs.getString("guid"), TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"),
            rs.getString("type"), rs.getString("name"), rs.getString("service_instance_guid"),
            rs.getString("app_guid"), rs.getString("space_guid"), !"user-provided".equals(rs.getString("instance_type")),
            BindingColumns.map(rs.getString("credentials")),
            rs.getString("syslog_drain_url"), BindingColumns.list(rs.getString("volume_mounts")),
            BindingColumns.operation(rs), rs.getString("broker_operation"), Metadata.empty());
    private static final String PLAN_OF_OFFERING = "si.service_plan_guid IN (SELECT sp.guid FROM service_plans sp "
            + "JOIN service_offerings so ON so.guid = sp.service_offering_guid WHERE ";
    private static final ListSql LIST = new ListSql(FROM, "b")
            .inFilter(CredentialBindingFilter.NAMES, "b.name")
            .inFilter(CredentialBindingFilter.SERVICE_INSTANCE_GUIDS, "b.service_instance_guid")
            .inFilter(CredentialBindingFilter.SERVICE_INSTANCE_NAMES, "si.name")
            .inFilter(CredentialBindingFilter.SERVICE_PLAN_GUIDS, "si.service_plan_guid")
            .condition(CredentialBindingFilter.SERVICE_PLAN_NAMES, (values, binds) -> "si.service_plan_guid IN "
                    + "(SELECT sp.guid FROM service_plans sp WHERE sp.name IN (" + binds.list(values) + "))")
            .condition(CredentialBindingFilter.SERVICE_OFFERING_GUIDS, (values, binds) -> PLAN_OF_OFFERING
                    + "so.guid IN (" + binds.list(values) + "))")
            .condition(CredentialBindingFilter.SERVICE_OFFERING_NAMES, (values, binds) -> PLAN_OF_OFFERING
                    + "so.name IN (" + binds.list(values) + "))")
            .inFilter(CredentialBindingFilter.APP_GUIDS, "b.app_guid")
            .inFilter(CredentialBindingFilter.APP_NAMES, "a.name")
            .inFilter(CredentialBindingFilter.TYPE, "b.type")
            .orderColumn("name", "b.name")
            .visibleThrough("s.guid", "s.organization_guid");

    private final Jdbi jdbi;
    private final MetadataRows<ServiceCredentialBinding> rows;
    private final BindingColumns shared = new BindingColumns("service_credential_bindings");

    public JdbiCredentialBindingRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.rows = new MetadataRows<>(jdbi, metadata, LIST, COLUMNS, MAPPER, ServiceCredentialBinding::guid,
                ServiceCredentialBinding::withMetadata);
    }

    @Override
    public Optional<ServiceCredentialBinding> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Page<ServiceCredentialBinding> list(ListQuery query) {
        return rows.page(query);
    }

    @Override
    public List<ServiceCredentialBinding> appBindings(String instanceGuid, String appGuid) {
        return select("b.service_instance_guid = :i AND b.app_guid = :a", instanceGuid, appGuid);
    }

    @Override
    public Optional<ServiceCredentialBinding> key(String instanceGuid, String name) {
        return select("b.service_instance_guid = :i AND b.type = 'key' AND b.name = :a", instanceGuid, name).stream()
                .findFirst();
    }

    private List<ServiceCredentialBinding> select(String where, String i, String a) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM " + FROM + " WHERE " + where
                + " ORDER BY b.id").bind("i", i).bind("a", a).map(MAPPER).list());
    }

    @Override
    public boolean appBindingNamed(String appGuid, String name, String instanceGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM service_credential_bindings WHERE "
                        + "app_guid = :a AND name = :n AND service_instance_guid <> :i")
                .bind("a", appGuid).bind("n", name).bind("i", instanceGuid).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public void insert(ServiceCredentialBinding b, BindingRequest request) {
        jdbi.useHandle(h -> BindingColumns.bindOperation(h.createUpdate("""
                        INSERT INTO service_credential_bindings (guid, created_at, updated_at, type, name,
                            service_instance_guid, app_guid, credentials, syslog_drain_url, volume_mounts,
                            last_operation_type, last_operation_state, last_operation_description,
                            last_operation_created_at, last_operation_updated_at, broker_operation,
                            request_parameters, actor_guid, actor_name)
                        VALUES (:guid, :createdAt, :updatedAt, :type, :name, :instance, :app, :credentials, :drain,
                            :mounts, :opType, :opState, :opDescription, :opCreated, :opUpdated, :brokerOperation,
                            :parameters, :actorGuid, :actorName)"""), b.lastOperation(), b.brokerOperation())
                .bind("guid", b.guid()).bind("createdAt", b.createdAt()).bind("updatedAt", b.updatedAt())
                .bind("type", b.type()).bind("name", b.name()).bind("instance", b.serviceInstanceGuid())
                .bind("app", b.appGuid()).bind("credentials", BindingColumns.jsonOrNull(b.credentials()))
                .bind("drain", b.syslogDrainUrl()).bind("mounts", BindingColumns.jsonOrNull(b.volumeMounts()))
                .bind("parameters", BindingColumns.jsonOrNull(request.parameters()))
                .bind("actorGuid", request.actorGuid()).bind("actorName", request.actorName()).execute());
    }

    @Override
    public void update(ServiceCredentialBinding b) {
        jdbi.useHandle(h -> BindingColumns.bindOperation(h.createUpdate("UPDATE service_credential_bindings SET "
                        + "updated_at = :updatedAt, credentials = :credentials, syslog_drain_url = :drain, "
                        + "volume_mounts = :mounts, " + BindingColumns.OPERATION_SET + " WHERE guid = :guid"),
                        b.lastOperation(), b.brokerOperation())
                .bind("guid", b.guid()).bind("updatedAt", b.updatedAt())
                .bind("credentials", BindingColumns.jsonOrNull(b.credentials())).bind("drain", b.syslogDrainUrl())
                .bind("mounts", BindingColumns.jsonOrNull(b.volumeMounts())).execute());
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM service_credential_bindings WHERE guid = ?", guid));
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
    public List<String> ofApp(String appGuid) {
        return guids("b.app_guid = :v", appGuid);
    }

    @Override
    public List<String> inOrganization(String organizationGuid) {
        return guids("(s.organization_guid = :v OR si.space_guid IN (SELECT guid FROM spaces WHERE organization_guid"
                + " = :v))", organizationGuid);
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
