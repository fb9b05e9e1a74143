package dev.capi.domain.query;

/** The requested order: a field name as on the wire, its direction, and whether the client asked for it. */
public record OrderBy(String field, boolean descending, boolean explicit) {
    public static OrderBy byId() {
        return new OrderBy("id", false, false);
    }
}
