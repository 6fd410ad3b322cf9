package io.catalogbatch.allocation.entrypoints.batch;

/**
 * The outcome of a whole allocation run: the three input files, the rows {@code allocations.csv} now has,
 * and how many event handlings failed (each was logged).
 */
public record AllocationRunOutcome(FileOutcome batches, FileOutcome existingAllocations, FileOutcome orders,
                                   long allocationsWritten, long failedEventHandlings) {

    public long rejected() {
        return batches.rejected() + existingAllocations.rejected() + orders.rejected();
    }
}
