package dev.capi.persistence.support;

import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.SQLException;

/** Counts the SQL statements the current thread executed since its last {@link #reset()} (for the request log). */
public final class StatementCounter implements SqlLogger {
    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    public static void reset() {
        COUNT.get()[0] = 0;
    }

    public static int current() {
        return COUNT.get()[0];
    }

    @Override
    public void logBeforeExecution(StatementContext context) {
        COUNT.get()[0]++;
    }

    @Override
    public void logException(StatementContext context, SQLException ex) {
        // counted already before execution
    }
}
