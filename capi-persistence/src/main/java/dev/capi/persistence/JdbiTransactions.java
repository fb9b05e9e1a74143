package dev.capi.persistence;

import dev.capi.domain.support.Transactions;
import org.jdbi.v3.core.Jdbi;

import java.util.function.Supplier;

/** Runs domain work in one Jdbi transaction; repositories called inside share its handle (Jdbi's thread scope). */
public final class JdbiTransactions implements Transactions {
    private final Jdbi jdbi;

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }
}
