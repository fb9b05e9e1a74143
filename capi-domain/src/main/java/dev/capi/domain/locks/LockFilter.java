package dev.capi.domain.locks;

import dev.capi.domain.query.ListFilter;

import java.util.List;

/** The lock list filters, declared once for the REST message and the repository's columns. */
public enum LockFilter implements ListFilter {
    GUIDS("guids"),
    APP_GUIDS("app_guids"),
    SPACE_GUIDS("space_guids"),
    ORGANIZATION_GUIDS("organization_guids");

    /** {@code GET /v3/locks} (guids, which every list takes, come first). */
    public static final List<LockFilter> LIST = List.of(APP_GUIDS, SPACE_GUIDS, ORGANIZATION_GUIDS);

    private final String key;

    LockFilter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
