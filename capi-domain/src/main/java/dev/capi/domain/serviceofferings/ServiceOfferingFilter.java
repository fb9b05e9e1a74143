package dev.capi.domain.serviceofferings;

import dev.capi.domain.query.ListFilter;

import java.util.List;

/** The service offering list filters, declared once for the REST message and the repository's columns. */
public enum ServiceOfferingFilter implements ListFilter {
    NAMES("names"),
    AVAILABLE("available"),
    BROKER_CATALOG_IDS("broker_catalog_ids"),
    SERVICE_BROKER_GUIDS("service_broker_guids"),
    SERVICE_BROKER_NAMES("service_broker_names"),
    SPACE_GUIDS("space_guids"),
    ORGANIZATION_GUIDS("organization_guids");

    /** {@code GET /v3/service_offerings}. */
    public static final List<ServiceOfferingFilter> LIST = List.of(values());

    private final String key;

    ServiceOfferingFilter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
