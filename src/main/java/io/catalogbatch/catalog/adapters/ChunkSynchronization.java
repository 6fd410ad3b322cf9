package io.catalogbatch.catalog.adapters;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ties a store's staged changes to the surrounding Spring transaction (a chunk of a batch step): they are
 * written just before the chunk commits, in one go, and dropped when it rolls back. Without a transaction,
 * the caller writes each unit of work's commit at once.
 */
public final class ChunkSynchronization implements TransactionSynchronization {

    /** What a store stages until the chunk commits. */
    public interface Staging {

        /** Writes the staged changes; runs inside the transaction, just before it commits. */
        void flush();

        /** Forgets the staged changes: the transaction rolled back. */
        void dropStaged();
    }

    private final Staging staging;
    private boolean registered;

    public ChunkSynchronization(Staging staging) {
        this.staging = staging;
    }

    /** Registers with the current transaction, if any; tells whether there is one. */
    public boolean joinedTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        if (!registered) {
            TransactionSynchronizationManager.registerSynchronization(this);
            registered = true;
        }
        return true;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        staging.flush();
    }

    @Override
    public void afterCompletion(int status) {
        registered = false;
        if (status != STATUS_COMMITTED) {
            staging.dropStaged();
        }
    }
}
