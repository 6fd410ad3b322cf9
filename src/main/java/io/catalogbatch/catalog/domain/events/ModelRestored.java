package io.catalogbatch.catalog.domain.events;

import io.catalogbatch.catalog.domain.ModelName;

/** A deprecated or archived model became active again. */
public record ModelRestored(ModelName name, long revision) implements ModelEvent {
}
