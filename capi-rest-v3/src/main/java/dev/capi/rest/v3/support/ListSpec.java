package dev.capi.rest.v3.support;

import java.util.ArrayList;
import java.util.List;

/**
 * What one list endpoint accepts: its filters, extra order fields, whether it takes a label selector, its includes,
 * other keys it understands, and whether bad parameters answer 400 (most) or 422 (the reference's exceptions).
 */
public final class ListSpec {
    final List<String> filters = new ArrayList<>();
    final List<String> orderFields = new ArrayList<>(List.of("created_at", "updated_at"));
    final List<String> includes = new ArrayList<>();
    final List<String> extraKeys = new ArrayList<>();
    final List<String> negatable = new ArrayList<>();
    boolean labelSelector;
    boolean unprocessableOnError;
    boolean timestamps = true;
    boolean createdAts = true;
    boolean updatedAts = true;
    String defaultOrderField = "id";
    boolean defaultOrderExplicit;

    public static ListSpec of(String... filters) {
        ListSpec spec = new ListSpec();
        spec.filters.add("guids");
        spec.filters.addAll(List.of(filters));
        return spec;
    }

    /** The filters a resource declares once in its domain package (e.g. {@code TaskFilter.LIST}); guids first. */
    public static ListSpec of(java.util.Collection<? extends dev.capi.domain.query.ListFilter> filters) {
        return of(dev.capi.domain.query.ListFilter.keys(filters));
    }

    public ListSpec orderBy(String... fields) {
        orderFields.addAll(List.of(fields));
        return this;
    }

    /** Replaces created_at/updated_at as the allowed order fields (e.g. feature flags: name only). */
    public ListSpec onlyOrderBy(String... fields) {
        orderFields.clear();
        orderFields.addAll(List.of(fields));
        return this;
    }

    /**
     * An order the reference applies when the client gives none, as if the client had asked for it (roles:
     * {@code created_at}, so pagination links carry {@code order_by=+created_at} and guid breaks ties).
     */
    public ListSpec defaultOrderBy(String field) {
        defaultOrderField = field;
        defaultOrderExplicit = true;
        return this;
    }

    public ListSpec labelSelector() {
        labelSelector = true;
        return this;
    }

    public ListSpec include(String... values) {
        includes.addAll(List.of(values));
        return this;
    }

    /** Keys the endpoint reads itself (e.g. {@code embed}, {@code fields[space]}, {@code unmapped}). */
    public ListSpec extraKeys(String... keys) {
        extraKeys.addAll(List.of(keys));
        return this;
    }

    /**
     * Filters that also take the reference's {@code <filter>[not]=a,b} form (audit events' {@code target_guids}): it
     * becomes the query filter {@code <filter>[not]}; any other operator is refused.
     */
    public ListSpec negatable(String... filters) {
        negatable.addAll(List.of(filters));
        return this;
    }

    public ListSpec unprocessableOnError() {
        unprocessableOnError = true;
        return this;
    }

    public ListSpec withoutTimestamps() {
        timestamps = false;
        return this;
    }

    /** Refuses {@code created_ats} with the reference's text (feature flags). */
    public ListSpec withoutCreatedAts() {
        createdAts = false;
        return this;
    }

    public ListSpec withoutUpdatedAts() {
        updatedAts = false;
        return this;
    }
}
