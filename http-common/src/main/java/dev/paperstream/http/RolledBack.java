package dev.paperstream.http;

import java.util.function.Supplier;

import jakarta.transaction.NotSupportedException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

/**
 * Work run in a transaction that is always rolled back: a start-up rehearsal of a write path runs its statements
 * and keeps nothing. The work's own failure wins over a failing rollback, which is attached to it.
 */
public final class RolledBack {

    private RolledBack() {
    }

    public static <T> T call(TransactionManager transactions, Supplier<T> work) {
        try {
            transactions.begin();
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException("could not begin a transaction to roll back", e);
        }
        Throwable failure = null;
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            try {
                transactions.rollback();
            } catch (SystemException | RuntimeException e) {
                if (failure == null) {
                    throw new IllegalStateException("could not roll the transaction back", e);
                }
                failure.addSuppressed(e);
            }
        }
    }
}
