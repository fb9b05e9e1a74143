package dev.capi.domain.builds;

import dev.capi.domain.query.ListFilter;

import java.util.List;

/** The build list filters, declared once for the REST message and the repository's columns. */
public enum BuildFilter implements ListFilter {
    GUIDS("guids"),
    APP_GUIDS("app_guids"),
    PACKAGE_GUIDS("package_guids"),
    STATES("states"),
    SPACE_GUIDS("space_guids"),
    ORGANIZATION_GUIDS("organization_guids");

    /** {@code GET /v3/builds}. */
    public static final List<BuildFilter> LIST = List.of(GUIDS, APP_GUIDS, PACKAGE_GUIDS, STATES, SPACE_GUIDS,
            ORGANIZATION_GUIDS);
    /** {@code GET /v3/apps/:guid/builds}. */
    public static final List<BuildFilter> APP_LIST = List.of(STATES);

    private final String key;

    BuildFilter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
