package dev.capi.persistence.support;

import dev.capi.domain.query.LabelRequirement;

/** Renders one label selector requirement as an {@code EXISTS} / {@code NOT EXISTS} on the labels table. */
final class LabelSql {
    private LabelSql() {
    }

    static String render(String labelKey, LabelRequirement r, ListSql.Binds binds) {
        String base = "SELECT 1 FROM labels lbl WHERE lbl.resource_guid = " + labelKey
                + " AND lbl.key_prefix = " + binds.add(r.prefix()) + " AND lbl.key_name = " + binds.add(r.name());
        if (r instanceof LabelRequirement.Exists) {
            return "EXISTS (" + base + ")";
        } else if (r instanceof LabelRequirement.NotExists) {
            return "NOT EXISTS (" + base + ")";
        } else if (r instanceof LabelRequirement.Equal e) {
            return "EXISTS (" + base + " AND lbl.label_value = " + binds.add(e.value()) + ")";
        } else if (r instanceof LabelRequirement.NotEqual e) {
            return "NOT EXISTS (" + base + " AND lbl.label_value = " + binds.add(e.value()) + ")";
        } else if (r instanceof LabelRequirement.In e) {
            if (e.values().isEmpty()) {
                return "1=0";
            }
            return "EXISTS (" + base + " AND lbl.label_value IN (" + binds.list(e.values()) + "))";
        } else if (r instanceof LabelRequirement.NotIn e) {
            if (e.values().isEmpty()) {
                return "1=1";
            }
            return "NOT EXISTS (" + base + " AND lbl.label_value IN (" + binds.list(e.values()) + "))";
        }
        throw new IllegalArgumentException("Unknown label requirement " + r);
    }
}
