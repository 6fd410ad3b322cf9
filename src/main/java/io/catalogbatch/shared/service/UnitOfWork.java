package io.catalogbatch.shared.service;

import io.catalogbatch.shared.domain.Event;
import java.util.List;

/**
 * One atomic change. A handler uses it as {@code try (uow) { ...; uow.commit(); }}: {@link #commit()} makes
 * the change durable, {@link #close()} without a commit rolls it back, and the object can be used again.
 */
public interface UnitOfWork extends AutoCloseable {

    /** Makes the changes durable; the events of the changed aggregates become collectable. */
    void commit();

    /** Rolls back whatever was not committed, with its events. */
    @Override
    void close();

    /** The events of the changes committed since the last call, in the order they were recorded. */
    List<Event> collectNewEvents();
}
