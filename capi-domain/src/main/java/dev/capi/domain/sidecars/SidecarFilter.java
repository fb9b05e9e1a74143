package dev.capi.domain.sidecars;

import dev.capi.domain.query.ListFilter;

import java.util.List;

/** The sidecar list filters, declared once for the REST message and the repository's columns. */
public enum SidecarFilter implements ListFilter {
    GUIDS("guids"),
    /** Set by the domain: the app whose sidecars are listed. */
    APP_GUIDS("app_guids"),
    /** Set by the domain: the process's type, for a process's sidecars. */
    PROCESS_TYPES("process_types");

    /** {@code GET /v3/apps/:guid/sidecars} and {@code /v3/processes/:guid/sidecars}: guids only. */
    public static final List<SidecarFilter> LIST = List.of();

    private final String key;

    SidecarFilter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
