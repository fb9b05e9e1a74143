package dev.capi.domain.serviceplandefinitions;

import dev.capi.domain.query.ListFilter;

import java.util.List;

/** The plan definition list filters, declared once for the REST message and the repository's columns. */
public enum ServicePlanDefinitionFilter implements ListFilter {
    NAMES("names"),
    SERVICE_OFFERING_GUIDS("service_offering_guids"),
    SERVICE_BROKER_GUIDS("service_broker_guids"),
    SERVICE_BROKER_NAMES("service_broker_names");

    /** {@code GET /v3/service_plan_definitions}. */
    public static final List<ServicePlanDefinitionFilter> LIST = List.of(values());

    private final String key;

    ServicePlanDefinitionFilter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
