package dev.capi.persistence.usage;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.usage.ServiceUsageEventRepository;
import dev.capi.model.ServiceUsageEvent;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Optional;

/** Service usage events in the {@code service_usage_events} table (the reference's column names). */
public final class JdbiServiceUsageEventRepository implements ServiceUsageEventRepository {
    private static final String COLUMNS = "e.guid, e.created_at, e.state, e.space_guid, e.space_name, e.org_guid, "
            + "e.service_instance_guid, e.service_instance_name, e.service_instance_type, e.service_plan_guid, "
            + "e.service_plan_name, e.service_guid, e.service_label, e.service_broker_guid, e.service_broker_name";
    private static final RowMapper<ServiceUsageEvent> MAPPER = (rs, ctx) -> new ServiceUsageEvent(
            rs.getString("guid"), TimeColumns.read(rs, "created_at"), rs.getString("state"),
            rs.getString("space_guid"), rs.getString("space_name"), rs.getString("org_guid"),
            rs.getString("service_instance_guid"), rs.getString("service_instance_name"),
            rs.getString("service_instance_type"), rs.getString("service_plan_guid"),
            rs.getString("service_plan_name"), rs.getString("service_guid"), rs.getString("service_label"),
            rs.getString("service_broker_guid"), rs.getString("service_broker_name"));
    private static final ListSql LIST = new ListSql("service_usage_events e", "e")
            .condition("after_guid", (values, binds) ->
                    "e.id > (SELECT after.id FROM service_usage_events after WHERE after.guid = "
                            + binds.add(values.get(0)) + ")")
            .inFilter("service_instance_types", "e.service_instance_type")
            .inFilter("service_offering_guids", "e.service_guid");

    private final Jdbi jdbi;

    public JdbiServiceUsageEventRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(ServiceUsageEvent e) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO service_usage_events (guid, created_at, state, space_guid, space_name, org_guid,
                            service_instance_guid, service_instance_name, service_instance_type, service_plan_guid,
                            service_plan_name, service_guid, service_label, service_broker_guid, service_broker_name)
                        VALUES (:guid, :createdAt, :state, :spaceGuid, :spaceName, :organizationGuid,
                            :serviceInstanceGuid, :serviceInstanceName, :serviceInstanceType, :servicePlanGuid,
                            :servicePlanName, :serviceOfferingGuid, :serviceOfferingName, :serviceBrokerGuid,
                            :serviceBrokerName)""")
                .bindMethods(e).execute());
    }

    @Override
    public Page<ServiceUsageEvent> list(ListQuery query) {
        return jdbi.withHandle(h -> LIST.page(h, COLUMNS, query, MAPPER));
    }

    @Override
    public Optional<ServiceUsageEvent> find(String guid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM service_usage_events e WHERE e.guid = :g")
                .bind("g", guid).map(MAPPER).findOne());
    }

    @Override
    public void deleteAll() {
        jdbi.useHandle(h -> h.execute("DELETE FROM service_usage_events"));
    }
}
