package dev.capi.persistence;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.support.Transactions;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Runs domain work in one Jdbi transaction; repositories called inside share its handle (Jdbi's thread scope).
 * A unique-key violation that slipped past an action's own check (two requests racing for one name) is answered
 * as 422 rather than a server error; the transaction is rolled back either way.
 */
public final class JdbiTransactions implements Transactions {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return jdbi.inTransaction(handle -> work.get());
        } catch (JdbiException e) {
            if (isUniqueViolation(e)) {
                throw CfException.unprocessable("The resource could not be saved: it conflicts with an existing one.");
            }
            throw e;
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work, Supplier<CfException> onDuplicate) {
        try {
            return jdbi.inTransaction(handle -> work.get());
        } catch (JdbiException e) {
            if (isUniqueViolation(e)) {
                throw onDuplicate.get();
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
