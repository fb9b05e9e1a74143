package dev.capi.persistence.support;

import dev.capi.domain.query.LabelRequirement;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.TimestampFilter;
import dev.capi.domain.query.Visibility;
import dev.capi.model.RoleType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Renders a {@link ListQuery} for one table as SQL: filters, timestamps, label selector, visibility, order and page —
 * one statement for the page and one for the count, every value bound, never concatenated. Each repository declares
 * its table once (columns per filter key and order field); everything else is shared.
 */
public final class ListSql {
    private final String from;
    private final String alias;
    private final String guidColumn;
    private String labelKey;
    private final Map<String, String> inFilters = new HashMap<>();
    private final Map<String, BiFunction<List<String>, Binds, String>> conditions = new HashMap<>();
    private final Map<String, String> orderColumns = new HashMap<>();
    private String spaceColumn;
    private String orgColumn;
    private BiFunction<Visibility, Binds, String> visibilityRenderer;
    private String defaultOrder;

    /** {@code from} is the FROM clause (table and alias, joins allowed); {@code alias} its main table's alias. */
    public ListSql(String from, String alias) {
        this.from = from;
        this.alias = alias;
        this.guidColumn = alias + ".guid";
        this.labelKey = guidColumn;
        this.defaultOrder = alias + ".id ASC";
        orderColumns.put("created_at", alias + ".created_at");
        orderColumns.put("updated_at", alias + ".updated_at");
        inFilter("guids", guidColumn);
    }

    /** A filter whose values match a column with IN; an empty value matches '' or NULL. */
    public ListSql inFilter(String key, String column) {
        inFilters.put(key, column);
        return this;
    }

    /** {@link #inFilter(String, String)} for a filter a resource declares in its domain package. */
    public ListSql inFilter(dev.capi.domain.query.ListFilter filter, String column) {
        return inFilter(filter.key(), column);
    }

    /** {@link #condition(String, BiFunction)} for a filter a resource declares in its domain package. */
    public ListSql condition(dev.capi.domain.query.ListFilter filter, BiFunction<List<String>, Binds, String> renderer) {
        return condition(filter.key(), renderer);
    }

    /** A filter rendered by hand (e.g. a subquery); the function binds its values and returns a condition. */
    public ListSql condition(String key, BiFunction<List<String>, Binds, String> renderer) {
        conditions.put(key, renderer);
        return this;
    }

    /**
     * The SQL expression the labels table's {@code resource_guid} matches, when the row's metadata is not keyed by
     * its plain guid (processes: {@code 'process:' || p.guid}, since the web process shares its app's guid).
     */
    public ListSql labelsOn(String expression) {
        this.labelKey = expression;
        return this;
    }

    public ListSql orderColumn(String field, String column) {
        orderColumns.put(field, column);
        return this;
    }

    /** The default ORDER BY when the client gave none (e.g. "b.lifecycle ASC, b.position ASC"). */
    public ListSql defaultOrder(String orderSql) {
        this.defaultOrder = orderSql;
        return this;
    }

    /** Columns holding the row's space guid (may be null for org-level rows) and organization guid. */
    public ListSql visibleThrough(String spaceColumn, String orgColumn) {
        this.spaceColumn = spaceColumn;
        this.orgColumn = orgColumn;
        return this;
    }

    /**
     * Visibility rendered by hand, for rows seen through a relation rather than a space or org column (isolation
     * segments through their entitled organizations, security groups through their bound spaces). The renderer
     * gets only restricted visibilities (a user and role sets); "everything" and "nothing" stay shared.
     */
    public ListSql visibleBy(BiFunction<Visibility, Binds, String> renderer) {
        this.visibilityRenderer = renderer;
        return this;
    }

    /** Fetches one page (one statement) and the total (one statement). */
    public <T> Page<T> page(Handle handle, String selectColumns, ListQuery query, RowMapper<T> mapper) {
        Binds binds = new Binds();
        String where = where(query, binds);
        String order = order(query);
        int limit = query.perPage();
        long offset = (query.page() - 1) * query.perPage();
        Query pageQuery = handle.createQuery("SELECT " + selectColumns + " FROM " + from + where + " ORDER BY " + order
                + " LIMIT " + limit + " OFFSET " + offset);
        binds.applyTo(pageQuery);
        List<T> rows = pageQuery.map(mapper).list();
        long total;
        if (query.page() == 1 && rows.size() < limit) {
            total = rows.size();
        } else {
            Query count = handle.createQuery("SELECT COUNT(*) FROM " + from + where);
            binds.applyTo(count);
            total = count.mapTo(Long.class).one();
        }
        return new Page<>(rows, total);
    }

    /** The rows with these guids (no visibility: callers check it), in creation order; one statement. */
    public <T> List<T> byGuids(Handle handle, String selectColumns, Collection<String> guids, RowMapper<T> mapper) {
        if (guids.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("SELECT " + selectColumns + " FROM " + from + " WHERE " + guidColumn
                        + " IN (<guids>) ORDER BY " + alias + ".id")
                .bindList("guids", List.copyOf(guids)).map(mapper).list();
    }

    /** Every row matching the query's filters and visibility, unpaginated, in the query's order. */
    public <T> List<T> all(Handle handle, String selectColumns, ListQuery query, RowMapper<T> mapper) {
        Binds binds = new Binds();
        Query q = handle.createQuery("SELECT " + selectColumns + " FROM " + from + where(query, binds)
                + " ORDER BY " + order(query));
        binds.applyTo(q);
        return q.map(mapper).list();
    }

    String where(ListQuery query, Binds binds) {
        List<String> clauses = new ArrayList<>();
        query.filters().forEach((key, values) -> {
            if (inFilters.containsKey(key)) {
                clauses.add(in(inFilters.get(key), values, binds));
            } else if (conditions.containsKey(key)) {
                clauses.add(conditions.get(key).apply(values, binds));
            } else {
                throw new IllegalArgumentException("No column for filter " + key + " on " + from);
            }
        });
        for (TimestampFilter t : query.timestamps()) {
            clauses.add(timestamp(alias + "." + t.column(), t, binds));
        }
        if (query.labelSelector() != null) {
            for (LabelRequirement r : query.labelSelector().requirements()) {
                clauses.add(LabelSql.render(labelKey, r, binds));
            }
        }
        if (query.visibility() != null) {
            clauses.add(visibility(query.visibility(), binds));
        }
        clauses.removeIf(String::isEmpty);
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private String order(ListQuery query) {
        var orderBy = query.orderBy();
        if (orderBy == null || !orderBy.explicit() || "id".equals(orderBy.field())) {
            return defaultOrder;
        }
        String column = orderColumns.get(orderBy.field());
        if (column == null) {
            throw new IllegalArgumentException("No column to order by " + orderBy.field());
        }
        String dir = orderBy.descending() ? " DESC" : " ASC";
        return column + dir + ", " + guidColumn + dir;
    }

    /** {@code column IN (...)}; "" among the values also matches NULL. */
    public static String in(String column, Collection<String> values, Binds binds) {
        List<String> nonEmpty = values.stream().filter(v -> !v.isEmpty()).toList();
        boolean matchEmpty = nonEmpty.size() < values.size();
        List<String> parts = new ArrayList<>();
        if (!nonEmpty.isEmpty()) {
            parts.add(column + " IN (" + binds.list(nonEmpty) + ")");
        }
        if (matchEmpty) {
            parts.add(column + " IS NULL OR " + column + " = ''");
        }
        return parts.isEmpty() ? "1=0" : "(" + String.join(" OR ", parts) + ")";
    }

    private static String timestamp(String column, TimestampFilter t, Binds binds) {
        return switch (t.op()) {
            case EQ -> "(" + t.values().stream()
                    .map(v -> "(" + column + " >= " + binds.add(v) + " AND " + column + " < "
                            + binds.add(v.plusSeconds(1)) + ")")
                    .collect(Collectors.joining(" OR ")) + ")";
            case LT -> column + " < " + binds.add(t.values().get(0));
            case LTE -> column + " < " + binds.add(t.values().get(0).plusSeconds(1));
            case GT -> column + " >= " + binds.add(t.values().get(0).plusSeconds(1));
            case GTE -> column + " >= " + binds.add(t.values().get(0));
        };
    }

    private String visibility(Visibility v, Binds binds) {
        if (v.all()) {
            return "";
        }
        if (v.userGuid() == null) {
            return "1=0";
        }
        if (visibilityRenderer != null) {
            return visibilityRenderer.apply(v, binds);
        }
        return VisibilitySql.render(v, spaceColumn, orgColumn, binds);
    }

    /** Named parameters collected while rendering, bound to the statement afterwards. */
    public static final class Binds {
        private final Map<String, Object> values = new LinkedHashMap<>();

        public String add(Object value) {
            String name = "p" + values.size();
            values.put(name, value);
            return ":" + name;
        }

        public String list(Collection<?> items) {
            return items.stream().map(this::add).collect(Collectors.joining(", "));
        }

        public void applyTo(org.jdbi.v3.core.statement.SqlStatement<?> statement) {
            values.forEach((k, v) -> {
                if (v instanceof Instant i) {
                    statement.bindByType(k, i, Instant.class);
                } else {
                    statement.bind(k, v);
                }
            });
        }
    }

    /** Renders role-based visibility as subqueries on the roles table. */
    public static final class VisibilitySql {
        private VisibilitySql() {
        }

        public static String render(Visibility v, String spaceColumn, String orgColumn, Binds binds) {
            String user = binds.add(v.userGuid());
            List<String> parts = new ArrayList<>();
            if (spaceColumn != null && !v.spaceRoles().isEmpty()) {
                parts.add(spaceColumn + " IN (SELECT vr.space_guid FROM roles vr WHERE vr.user_guid = " + user
                        + " AND vr.type IN (" + types(v.spaceRoles(), binds) + "))");
            }
            var orgTypes = new java.util.HashSet<>(v.orgRoles());
            if (spaceColumn == null) {
                orgTypes.addAll(v.spaceRoles());
            }
            if (orgColumn != null && !orgTypes.isEmpty()) {
                parts.add(orgColumn + " IN (SELECT vr.organization_guid FROM roles vr WHERE vr.user_guid = " + user
                        + " AND vr.type IN (" + types(orgTypes, binds) + "))");
            }
            return parts.isEmpty() ? "1=0" : "(" + String.join(" OR ", parts) + ")";
        }

        private static String types(Set<RoleType> types, Binds binds) {
            return binds.list(types.stream().map(RoleType::wireName).sorted().toList());
        }
    }
}
