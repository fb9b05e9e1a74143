package dev.capi.server.metrics;

import dev.capi.persistence.Database;
import dev.capi.rest.internal.metrics.RequestMetrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** The gauges read at each scrape: unfinished jobs by state (one query) and the connection pool's usage. */
public final class ServerGauges {
    private ServerGauges() {
    }

    public static void register(RequestMetrics metrics, Database database) {
        metrics.gauge("capi_jobs_unfinished", "Jobs not finished yet, by state (PROCESSING, POLLING)", "state",
                () -> unfinishedJobs(database));
        metrics.gauge("capi_db_pool_connections", "Database pool connections by use (active, idle, total, "
                + "waiting threads, maximum)", "use", () -> pool(database));
    }

    private static Map<String, Double> unfinishedJobs(Database database) {
        Map<String, Double> counts = new LinkedHashMap<>(Map.of("PROCESSING", 0.0, "POLLING", 0.0));
        database.jdbi().useHandle(h -> h.createQuery(
                        "SELECT state, COUNT(*) AS n FROM jobs WHERE state IN ('PROCESSING', 'POLLING') GROUP BY state")
                .map((rs, ctx) -> Map.entry(rs.getString("state"), rs.getDouble("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    private static Map<String, Double> pool(Database database) {
        return database.poolUsage().map(p -> {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("active", (double) p.active());
            values.put("idle", (double) p.idle());
            values.put("total", (double) p.total());
            values.put("waiting", (double) p.waiting());
            values.put("maximum", (double) p.maximum());
            return values;
        }).orElse(Map.of());
    }
}
