package dev.capi.model;

import java.util.Map;

/**
 * The schema a service offering's broker gives for its plan definitions ({@code json_schema}, {@code ui_schema},
 * {@code version}), or null when the offering does not support plan definitions or the broker failed to answer.
 */
public record PlanDefinitionSchema(String offeringGuid, Map<String, Object> schema) {
    public PlanDefinitionSchema {
        schema = schema == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(schema));
    }
}
