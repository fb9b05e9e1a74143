package dev.capi.domain.support;

import java.util.function.Supplier;

/** Port: runs work in one database transaction; nested calls join the outer transaction. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code work} in one transaction; when the store refuses a write for a unique key (two requests racing past
     * the action's own check), the transaction rolls back and {@code onDuplicate}'s error is thrown instead.
     */
    default <T> T inTransaction(Supplier<T> work, Supplier<dev.capi.domain.errors.CfException> onDuplicate) {
        return inTransaction(work);
    }

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
