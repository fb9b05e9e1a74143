package dev.capi.domain.processes;

import dev.capi.domain.query.ListFilter;

import java.util.List;

/** The process list filters, declared once for the REST message and the repository's columns. */
public enum ProcessFilter implements ListFilter {
    GUIDS("guids"),
    TYPES("types"),
    APP_GUIDS("app_guids"),
    SPACE_GUIDS("space_guids"),
    ORGANIZATION_GUIDS("organization_guids");

    /** {@code GET /v3/processes} (guids, which every list takes, come first). */
    public static final List<ProcessFilter> LIST = List.of(TYPES, APP_GUIDS, SPACE_GUIDS, ORGANIZATION_GUIDS);
    /** {@code GET /v3/apps/:guid/processes}. */
    public static final List<ProcessFilter> APP_LIST = List.of(TYPES);

    private final String key;

    ProcessFilter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
