package io.catalogbatch.shared.service;

import io.catalogbatch.shared.domain.AggregateRoot;
import io.catalogbatch.shared.domain.Event;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The event bookkeeping every unit of work shares: events of the aggregates its repositories handed out
 * become collectable only once their change is committed; a rollback drops them with the change.
 */
public abstract class AbstractUnitOfWork implements UnitOfWork {

    private final List<Event> committedEvents = new ArrayList<>();

    @Override
    public final void commit() {
        persist();
        for (AggregateRoot aggregate : seen()) {
            committedEvents.addAll(aggregate.pullEvents());
        }
        forgetSeen();
    }

    @Override
    public final void close() {
        if (!seen().isEmpty()) {
            discard();
            forgetSeen();
        }
    }

    @Override
    public final List<Event> collectNewEvents() {
        if (committedEvents.isEmpty()) {
            return List.of();
        }
        List<Event> events = List.copyOf(committedEvents);
        committedEvents.clear();
        return events;
    }

    /** Every aggregate handed out since the last commit or rollback. */
    protected abstract Collection<? extends AggregateRoot> seen();

    protected abstract void forgetSeen();

    /** Makes the changes of the seen aggregates durable (or part of the surrounding transaction). */
    protected abstract void persist();

    /** Drops what {@link #persist()} has not made durable. */
    protected abstract void discard();
}
