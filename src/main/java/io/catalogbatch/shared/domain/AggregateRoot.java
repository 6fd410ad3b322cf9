package io.catalogbatch.shared.domain;

import java.util.ArrayList;
import java.util.List;

/** Base of an aggregate root: it records one event for every real change it makes. */
public abstract class AggregateRoot {

    private final List<Event> events = new ArrayList<>();

    protected void record(Event event) {
        events.add(event);
    }

    /** Hands out the events recorded since the last call, and forgets them. */
    public List<Event> pullEvents() {
        if (events.isEmpty()) {
            return List.of();
        }
        List<Event> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }
}
