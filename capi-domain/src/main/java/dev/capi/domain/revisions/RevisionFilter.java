package dev.capi.domain.revisions;

import dev.capi.domain.query.ListFilter;

import java.util.List;

/** The revision list filters, declared once for the REST message and the repository's columns. */
public enum RevisionFilter implements ListFilter {
    GUIDS("guids"),
    VERSIONS("versions"),
    /** Set by the domain: the app whose revisions are listed. */
    APP_GUIDS("app_guids"),
    /** Set by the repository: revisions the app's started processes run. */
    DEPLOYED_FOR("deployed_for");

    /** {@code GET /v3/apps/:guid/revisions}. */
    public static final List<RevisionFilter> LIST = List.of(GUIDS, VERSIONS);
    /** {@code GET /v3/apps/:guid/revisions/deployed}: guids only. */
    public static final List<RevisionFilter> DEPLOYED_LIST = List.of();

    private final String key;

    RevisionFilter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
