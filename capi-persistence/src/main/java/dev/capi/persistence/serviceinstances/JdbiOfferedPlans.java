package dev.capi.persistence.serviceinstances;

import dev.capi.domain.osbapi.BrokerEndpoint;
import dev.capi.domain.serviceinstances.OfferedPlans;
import dev.capi.persistence.support.Json;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalog as service instances see it: plans joined with their offering, broker and visibilities
 * (one or many at once). */
public final class JdbiOfferedPlans implements OfferedPlans {
    private final Jdbi jdbi;

    public JdbiOfferedPlans(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<OfferedPlan> find(String planGuid) {
        return Optional.ofNullable(findAll(List.of(planGuid)).get(planGuid));
    }

    /** The plans with these guids in two statements (plans with offering and broker; their visibilities). */
    @Override
    public Map<String, OfferedPlan> findAll(Collection<String> planGuids) {
        if (planGuids.isEmpty()) {
            return Map.of();
        }
        List<String> guids = List.copyOf(new java.util.LinkedHashSet<>(planGuids));
        return jdbi.withHandle(h -> {
            Map<String, List<String>> orgs = new HashMap<>();
            h.createQuery("SELECT service_plan_guid, organization_guid FROM service_plan_visibilities "
                            + "WHERE service_plan_guid IN (<guids>) ORDER BY id")
                    .bindList("guids", guids)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> orgs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            Map<String, OfferedPlan> out = new LinkedHashMap<>();
            h.createQuery("""
                            SELECT sp.guid, sp.name, sp.broker_catalog_id, sp.free, sp.active, sp.public,
                                   sp.plan_updateable, sp.maximum_polling_duration, sp.maintenance_info,
                                   so.guid AS offering_guid, so.name AS offering_name,
                                   so.broker_catalog_id AS offering_catalog_id, so.plan_updateable AS offering_updateable,
                                   so.shareable, so.instances_retrievable, so.allow_context_updates,
                                   sb.guid AS broker_guid, sb.name AS broker_name, sb.space_guid AS broker_space_guid,
                                   sb.state AS broker_state, sb.url, sb.auth_username, sb.auth_password
                              FROM service_plans sp
                              JOIN service_offerings so ON so.guid = sp.service_offering_guid
                              JOIN service_brokers sb ON sb.guid = so.service_broker_guid
                             WHERE sp.guid IN (<guids>)""")
                    .bindList("guids", guids)
                    .map((rs, ctx) -> {
                        int max = rs.getInt("maximum_polling_duration");
                        Integer maxPolling = rs.wasNull() ? null : max;
                        boolean planUpdateable = rs.getBoolean("plan_updateable");
                        boolean planUpdateableSet = !rs.wasNull();
                        boolean offeringUpdateable = rs.getBoolean("offering_updateable");
                        String guid = rs.getString("guid");
                        return new OfferedPlan(guid, rs.getString("name"),
                                rs.getString("broker_catalog_id"), rs.getBoolean("free"), rs.getBoolean("active"),
                                rs.getBoolean("public"), planUpdateableSet && planUpdateable, maxPolling,
                                Json.readMap(rs.getString("maintenance_info")), rs.getString("offering_guid"),
                                rs.getString("offering_name"), rs.getString("offering_catalog_id"),
                                planUpdateableSet ? planUpdateable : offeringUpdateable, rs.getBoolean("shareable"),
                                rs.getBoolean("instances_retrievable"), rs.getBoolean("allow_context_updates"),
                                rs.getString("broker_guid"), rs.getString("broker_name"),
                                rs.getString("broker_space_guid"), rs.getString("broker_state"),
                                new BrokerEndpoint(rs.getString("url"), rs.getString("auth_username"),
                                        rs.getString("auth_password")), orgs.getOrDefault(guid, List.of()));
                    })
                    .forEach(plan -> out.put(plan.guid(), plan));
            return out;
        });
    }
}
