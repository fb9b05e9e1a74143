package dev.capi.persistence.servicebindings;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.capi.domain.osbapi.BrokerEndpoint;
import dev.capi.domain.servicebindings.BindableInstance;
import dev.capi.domain.servicebindings.BindableInstances;
import dev.capi.persistence.support.Json;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;

/**
 * Service instances as bindings read them: one join over instance, plan, offering and broker (the plan's
 * {@code bindable} falls back to the offering's), plus one read of the spaces it is shared to.
 */
public final class JdbiBindableInstances implements BindableInstances {
    private final Jdbi jdbi;

    public JdbiBindableInstances(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<BindableInstance> named(String spaceGuid, String name) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT si.guid FROM service_instances si WHERE si.name = :n AND (si.space_guid = :s
                            OR si.guid IN (SELECT service_instance_guid FROM service_instance_shares
                                           WHERE space_guid = :s))
                        ORDER BY CASE WHEN si.space_guid = :s THEN 0 ELSE 1 END, si.id""")
                .bind("n", name).bind("s", spaceGuid).mapTo(String.class).findFirst()).flatMap(this::find);
    }

    @Override
    public Optional<BindableInstance> find(String guid) {
        return jdbi.withHandle(h -> {
            List<String> shared = h.createQuery("SELECT space_guid FROM service_instance_shares "
                    + "WHERE service_instance_guid = :g ORDER BY id").bind("g", guid).mapTo(String.class).list();
            return h.createQuery("""
                            SELECT si.guid, si.name, si.space_guid, si.type, si.credentials, si.syslog_drain_url,
                                   si.route_service_url, si.tags, si.last_operation_type, si.last_operation_state,
                                   sp.guid AS plan_guid, sp.broker_catalog_id AS plan_catalog_id, sp.name AS plan_name,
                                   sp.bindable AS plan_bindable, sp.maximum_polling_duration,
                                   so.guid AS offering_guid, so.broker_catalog_id AS offering_catalog_id,
                                   so.name AS offering_name, so.bindable AS offering_bindable,
                                   so.bindings_retrievable, so.requires,
                                   sb.url AS broker_url, sb.auth_username, sb.auth_password
                            FROM service_instances si
                            LEFT JOIN service_plans sp ON sp.guid = si.service_plan_guid
                            LEFT JOIN service_offerings so ON so.guid = sp.service_offering_guid
                            LEFT JOIN service_brokers sb ON sb.guid = so.service_broker_guid
                            WHERE si.guid = :g""")
                    .bind("g", guid)
                    .map((rs, ctx) -> {
                        boolean userProvided = "user-provided".equals(rs.getString("type"));
                        BindableInstance.ManagedPlan plan = null;
                        if (!userProvided && rs.getString("plan_guid") != null) {
                            Object planBindable = rs.getObject("plan_bindable");
                            boolean bindable = planBindable != null ? rs.getBoolean("plan_bindable")
                                    : rs.getBoolean("offering_bindable");
                            Object maxPolling = rs.getObject("maximum_polling_duration");
                            plan = new BindableInstance.ManagedPlan(rs.getString("plan_guid"),
                                    rs.getString("plan_catalog_id"), rs.getString("plan_name"),
                                    rs.getString("offering_guid"), rs.getString("offering_catalog_id"),
                                    rs.getString("offering_name"), bindable, rs.getBoolean("bindings_retrievable"),
                                    strings(rs.getString("requires")),
                                    maxPolling == null ? null : rs.getInt("maximum_polling_duration"),
                                    new BrokerEndpoint(rs.getString("broker_url"), rs.getString("auth_username"),
                                            rs.getString("auth_password")));
                        }
                        return new BindableInstance(rs.getString("guid"), rs.getString("name"),
                                rs.getString("space_guid"), userProvided,
                                BindingColumns.map(rs.getString("credentials")), rs.getString("syslog_drain_url"),
                                rs.getString("route_service_url"), strings(rs.getString("tags")),
                                rs.getString("last_operation_type"), rs.getString("last_operation_state"), shared,
                                plan);
                    }).findOne()
                    .filter(i -> i.userProvided() || i.plan() != null);
        });
    }

    static List<String> strings(String json) {
        return json == null ? List.of() : Json.readList(json, new TypeReference<List<String>>() { });
    }
}
