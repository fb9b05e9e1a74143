package dev.capi.domain.serviceinstances;

import dev.capi.domain.query.ListFilter;

import java.util.List;

/** The service instance list filters, declared once for the REST message and the repository's columns. */
public enum ServiceInstanceFilter implements ListFilter {
    GUIDS("guids"),
    NAMES("names"),
    SPACE_GUIDS("space_guids"),
    ORGANIZATION_GUIDS("organization_guids"),
    SERVICE_PLAN_GUIDS("service_plan_guids"),
    SERVICE_PLAN_NAMES("service_plan_names"),
    TYPE("type");

    /** {@code GET /v3/service_instances}. */
    public static final List<ServiceInstanceFilter> LIST = List.of(GUIDS, NAMES, SPACE_GUIDS, ORGANIZATION_GUIDS,
            SERVICE_PLAN_GUIDS, SERVICE_PLAN_NAMES, TYPE);

    private final String key;

    ServiceInstanceFilter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
