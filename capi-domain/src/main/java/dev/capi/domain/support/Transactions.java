package dev.capi.domain.support;

import java.util.function.Supplier;

/** Port: runs work in one database transaction; nested calls join the outer transaction. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
