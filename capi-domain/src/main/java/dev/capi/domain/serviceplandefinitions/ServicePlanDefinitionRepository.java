package dev.capi.domain.serviceplandefinitions;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.ServicePlanDefinition;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the plan definitions the platform stored for service plans (one per plan, deleted with the plan). The list
 * is of plans, each with its definition or none; filters: {@link ServicePlanDefinitionFilter}, plan labels,
 * plan created_ats/updated_ats.
 */
public interface ServicePlanDefinitionRepository {
    Optional<Map<String, Object>> find(String planGuid);

    Page<ServicePlanDefinition> list(ListQuery query);

    /** Creates or replaces the plan's definition. */
    void save(String planGuid, Map<String, Object> definition, Instant at);

    void delete(String planGuid);
}
