package dev.capi.domain.serviceplans;

import dev.capi.domain.query.ListFilter;

import java.util.List;

/** The service plan list filters, declared once for the REST message and the repository's columns. */
public enum ServicePlanFilter implements ListFilter {
    NAMES("names"),
    AVAILABLE("available"),
    BROKER_CATALOG_IDS("broker_catalog_ids"),
    SERVICE_BROKER_GUIDS("service_broker_guids"),
    SERVICE_BROKER_NAMES("service_broker_names"),
    SERVICE_OFFERING_GUIDS("service_offering_guids"),
    SERVICE_OFFERING_NAMES("service_offering_names"),
    SERVICE_INSTANCE_GUIDS("service_instance_guids"),
    SPACE_GUIDS("space_guids"),
    ORGANIZATION_GUIDS("organization_guids");

    /** {@code GET /v3/service_plans}. */
    public static final List<ServicePlanFilter> LIST = List.of(values());

    private final String key;

    ServicePlanFilter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
