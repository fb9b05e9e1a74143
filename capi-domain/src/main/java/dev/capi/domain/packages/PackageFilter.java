package dev.capi.domain.packages;

import dev.capi.domain.query.ListFilter;

import java.util.List;

/** The package list filters, declared once for the REST message and the repository's columns. */
public enum PackageFilter implements ListFilter {
    GUIDS("guids"),
    APP_GUIDS("app_guids"),
    SPACE_GUIDS("space_guids"),
    ORGANIZATION_GUIDS("organization_guids"),
    STATES("states"),
    TYPES("types");

    /** {@code GET /v3/packages}. */
    public static final List<PackageFilter> LIST = List.of(GUIDS, APP_GUIDS, SPACE_GUIDS, ORGANIZATION_GUIDS, STATES,
            TYPES);
    /** {@code GET /v3/apps/:guid/packages}. */
    public static final List<PackageFilter> APP_LIST = List.of(GUIDS, STATES, TYPES);

    private final String key;

    PackageFilter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
