package dev.capi.persistence.serviceplandefinitions;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.serviceplandefinitions.ServicePlanDefinitionFilter;
import dev.capi.domain.serviceplandefinitions.ServicePlanDefinitionRepository;
import dev.capi.model.ServicePlanDefinition;
import dev.capi.persistence.support.Json;
import dev.capi.persistence.support.ListSql;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Plan definitions in {@code service_plan_definitions}; the list is of {@code service_plans} (with their offering
 * and broker for the filters, plan labels and timestamps) left-joined to their definition, one statement per page.
 */
public final class JdbiServicePlanDefinitionRepository implements ServicePlanDefinitionRepository {
    private static final String FROM = "service_plans sp JOIN service_offerings so ON so.guid = sp.service_offering_guid"
            + " JOIN service_brokers sb ON sb.guid = so.service_broker_guid"
            + " LEFT JOIN service_plan_definitions spd ON spd.service_plan_guid = sp.guid";
    private static final String COLUMNS = "sp.guid, spd.definition";
    private static final RowMapper<ServicePlanDefinition> MAPPER = (rs, ctx) -> {
        String definition = rs.getString("definition");
        return new ServicePlanDefinition(rs.getString("guid"), definition == null ? null : Json.readMap(definition));
    };
    private static final ListSql LIST = new ListSql(FROM, "sp")
            .inFilter(ServicePlanDefinitionFilter.NAMES, "sp.name")
            .inFilter(ServicePlanDefinitionFilter.SERVICE_OFFERING_GUIDS, "so.guid")
            .inFilter(ServicePlanDefinitionFilter.SERVICE_BROKER_GUIDS, "sb.guid")
            .inFilter(ServicePlanDefinitionFilter.SERVICE_BROKER_NAMES, "sb.name")
            .orderColumn("name", "sp.name");

    private final Jdbi jdbi;

    public JdbiServicePlanDefinitionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Map<String, Object>> find(String planGuid) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT definition FROM service_plan_definitions WHERE service_plan_guid = :p")
                .bind("p", planGuid).mapTo(String.class).findOne()).map(Json::readMap);
    }

    @Override
    public Page<ServicePlanDefinition> list(ListQuery query) {
        return jdbi.withHandle(h -> LIST.page(h, COLUMNS, query, MAPPER));
    }

    @Override
    public void save(String planGuid, Map<String, Object> definition, Instant at) {
        String json = Json.write(definition);
        jdbi.useHandle(h -> {
            int updated = h.createUpdate("""
                            UPDATE service_plan_definitions SET definition = :d, updated_at = :at
                             WHERE service_plan_guid = :p""")
                    .bind("d", json).bindByType("at", at, Instant.class).bind("p", planGuid).execute();
            if (updated == 0) {
                h.createUpdate("""
                                INSERT INTO service_plan_definitions (service_plan_guid, created_at, updated_at, definition)
                                VALUES (:p, :at, :at, :d)""")
                        .bind("d", json).bindByType("at", at, Instant.class).bind("p", planGuid).execute();
            }
        });
    }

    @Override
    public void delete(String planGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM service_plan_definitions WHERE service_plan_guid = ?", planGuid));
    }
}
