package dev.capi.model;

import java.util.Map;

/**
 * A service plan's OSMAPI plan definition as the platform last stored it: {@code definition} is the broker's object
 * ({@code plan_id}, {@code name}, {@code description}, {@code properties}, {@code metadata}, {@code created_at},
 * {@code resource_version}), or null when the plan has no definition.
 */
public record ServicePlanDefinition(String planGuid, Map<String, Object> definition) {
    public ServicePlanDefinition {
        definition = definition == null ? null
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(definition));
    }
}
