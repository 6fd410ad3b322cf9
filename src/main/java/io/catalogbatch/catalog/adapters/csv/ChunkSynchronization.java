package io.catalogbatch.catalog.adapters.csv;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ties a CSV catalog's staged changes to the surrounding Spring transaction (a chunk of a batch step):
 * they reach the journal just before the chunk commits, and are dropped when it rolls back. Without a
 * transaction, each unit of work's commit is flushed at once.
 */
final class ChunkSynchronization implements TransactionSynchronization {

    private final CsvCatalog catalog;
    private boolean registered;

    ChunkSynchronization(CsvCatalog catalog) {
        this.catalog = catalog;
    }

    /** Registers with the current transaction, if any; tells whether there is one. */
    boolean joinedTransaction() {
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
        catalog.flush();
    }

    @Override
    public void afterCompletion(int status) {
        registered = false;
        if (status != STATUS_COMMITTED) {
            catalog.dropStaged();
        }
    }
}
