package dev.capi.domain.servicebindings;

import dev.capi.domain.query.ListFilter;

import java.util.List;

/** The credential binding list filters, declared once for the REST message and the repository's columns. */
public enum CredentialBindingFilter implements ListFilter {
    GUIDS("guids"),
    NAMES("names"),
    SERVICE_INSTANCE_GUIDS("service_instance_guids"),
    SERVICE_INSTANCE_NAMES("service_instance_names"),
    SERVICE_PLAN_NAMES("service_plan_names"),
    SERVICE_PLAN_GUIDS("service_plan_guids"),
    SERVICE_OFFERING_NAMES("service_offering_names"),
    SERVICE_OFFERING_GUIDS("service_offering_guids"),
    APP_GUIDS("app_guids"),
    APP_NAMES("app_names"),
    TYPE("type");

    /** {@code GET /v3/service_credential_bindings}. */
    public static final List<CredentialBindingFilter> LIST = List.of(values());

    private final String key;

    CredentialBindingFilter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
