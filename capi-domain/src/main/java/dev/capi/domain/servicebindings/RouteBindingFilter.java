package dev.capi.domain.servicebindings;

import dev.capi.domain.query.ListFilter;

import java.util.List;

/** The route binding list filters, declared once for the REST message and the repository's columns. */
public enum RouteBindingFilter implements ListFilter {
    GUIDS("guids"),
    SERVICE_INSTANCE_GUIDS("service_instance_guids"),
    SERVICE_INSTANCE_NAMES("service_instance_names"),
    ROUTE_GUIDS("route_guids");

    /** {@code GET /v3/service_route_bindings}. */
    public static final List<RouteBindingFilter> LIST = List.of(values());

    private final String key;

    RouteBindingFilter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
