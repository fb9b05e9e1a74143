package dev.capi.domain.deployments;

import dev.capi.domain.query.ListFilter;

import java.util.List;

/** The deployment list filters, declared once for the REST message and the repository's columns. */
public enum DeploymentFilter implements ListFilter {
    GUIDS("guids"),
    APP_GUIDS("app_guids"),
    STATES("states"),
    STATUS_VALUES("status_values"),
    STATUS_REASONS("status_reasons");

    /** {@code GET /v3/deployments}. */
    public static final List<DeploymentFilter> LIST = List.of(GUIDS, APP_GUIDS, STATES, STATUS_VALUES,
            STATUS_REASONS);

    private final String key;

    DeploymentFilter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
