package dev.capi.persistence.ratelimit;

import dev.capi.domain.ratelimit.RequestCounts;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.sql.SQLException;

/**
 * The rate limiter's counters in {@code request_counts}. One transaction per request: a single UPDATE adds one (or
 * restarts an expired window at one) and locks the row, so the read that follows sees exactly this request's count;
 * a missing row is inserted, and when another node inserted it first (unique violation) the UPDATE is tried again.
 */
public final class JdbiRequestCounts implements RequestCounts {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int ATTEMPTS = 3;
    private static final String INCREMENT = "UPDATE request_counts SET "
            + "request_count = CASE WHEN valid_until <= :now THEN 1 ELSE request_count + 1 END, "
            + "valid_until = CASE WHEN valid_until <= :now THEN :windowEnd ELSE valid_until END "
            + "WHERE counter_key = :key";

    private final Jdbi jdbi;

    public JdbiRequestCounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public RequestCount increment(String key, long nowEpochSecond, long windowEndEpochSecond) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(h -> incrementIn(h, key, nowEpochSecond, windowEndEpochSecond));
            } catch (JdbiException e) {
                if (attempt >= ATTEMPTS || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private static RequestCount incrementIn(Handle h, String key, long now, long windowEnd) {
        int updated = h.createUpdate(INCREMENT).bind("now", now).bind("windowEnd", windowEnd).bind("key", key)
                .execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO request_counts (counter_key, request_count, valid_until) "
                    + "VALUES (:key, 1, :windowEnd)").bind("key", key).bind("windowEnd", windowEnd).execute();
            return new RequestCount(1, windowEnd);
        }
        return h.createQuery("SELECT request_count, valid_until FROM request_counts WHERE counter_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> new RequestCount(rs.getLong("request_count"), rs.getLong("valid_until")))
                .one();
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
