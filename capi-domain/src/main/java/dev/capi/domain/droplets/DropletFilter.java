package dev.capi.domain.droplets;

import dev.capi.domain.query.ListFilter;

import java.util.List;

/** The droplet list filters, declared once for the REST message and the repository's columns. */
public enum DropletFilter implements ListFilter {
    GUIDS("guids"),
    APP_GUIDS("app_guids"),
    SPACE_GUIDS("space_guids"),
    ORGANIZATION_GUIDS("organization_guids"),
    STATES("states"),
    PACKAGE_GUIDS("package_guids"),
    /** Not a column: {@code current=true} keeps only the app's current droplet (the domain turns it into a guid). */
    CURRENT("current");

    /** {@code GET /v3/droplets}. */
    public static final List<DropletFilter> LIST = List.of(GUIDS, APP_GUIDS, SPACE_GUIDS, ORGANIZATION_GUIDS, STATES);
    /** {@code GET /v3/apps/:guid/droplets}. */
    public static final List<DropletFilter> APP_LIST = List.of(GUIDS, STATES, CURRENT);
    /** {@code GET /v3/packages/:guid/droplets}. */
    public static final List<DropletFilter> PACKAGE_LIST = List.of(GUIDS, STATES);

    private final String key;

    DropletFilter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
