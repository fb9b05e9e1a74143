package dev.capi.domain.servicebrokers;

import dev.capi.domain.query.ListFilter;

import java.util.List;

/** The service broker list filters, declared once for the REST message and the repository's columns. */
public enum ServiceBrokerFilter implements ListFilter {
    NAMES("names"),
    SPACE_GUIDS("space_guids");

    /** {@code GET /v3/service_brokers}. */
    public static final List<ServiceBrokerFilter> LIST = List.of(NAMES, SPACE_GUIDS);

    private final String key;

    ServiceBrokerFilter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
