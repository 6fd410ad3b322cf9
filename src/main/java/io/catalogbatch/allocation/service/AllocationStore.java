package io.catalogbatch.allocation.service;

import java.io.IOException;

/**
 * A place the allocation state is kept for one run (a CSV folder). Commits go into the store's working
 * state; {@link #save()} makes all of them durable at once, at the end of the run. A run that fails before
 * {@code save()} leaves the stored state as it was, so running it again from the start is a restart.
 */
public interface AllocationStore extends AutoCloseable {

    /** The unit of work of this store; one thread at a time (allocation follows the files' order). */
    AllocationUnitOfWork unitOfWork();

    /** How many order lines are allocated in the working state. */
    int allocationCount();

    /** Makes everything committed durable, in one atomic step; once per run. */
    void save() throws IOException;

    /** Lets go of the store; what {@link #save()} did not write is dropped. */
    @Override
    void close();
}
