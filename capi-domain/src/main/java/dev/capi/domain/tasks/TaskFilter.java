package dev.capi.domain.tasks;

import dev.capi.domain.query.ListFilter;

import java.util.List;

/** The task list filters, declared once for the REST message and the repository's columns. */
public enum TaskFilter implements ListFilter {
    GUIDS("guids"),
    NAMES("names"),
    STATES("states"),
    APP_GUIDS("app_guids"),
    SPACE_GUIDS("space_guids"),
    ORGANIZATION_GUIDS("organization_guids"),
    SEQUENCE_IDS("sequence_ids");

    /** {@code GET /v3/tasks}. */
    public static final List<TaskFilter> LIST = List.of(GUIDS, NAMES, STATES, APP_GUIDS, SPACE_GUIDS,
            ORGANIZATION_GUIDS);
    /** {@code GET /v3/apps/:guid/tasks}. */
    public static final List<TaskFilter> APP_LIST = List.of(GUIDS, NAMES, STATES, SEQUENCE_IDS);

    private final String key;

    TaskFilter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
