package dev.capi.domain.fakes;

import dev.capi.domain.support.Transactions;

import java.util.function.Supplier;

/** {@link Transactions} that just run the work (in-memory fakes have nothing to roll back), counting the calls. */
public final class ImmediateTransactions implements Transactions {
    private int count;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        count++;
        return work.get();
    }

    public int count() {
        return count;
    }
}
