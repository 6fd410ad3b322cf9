package io.catalogbatch.catalog.domain.events;

import io.catalogbatch.catalog.domain.ModelName;

/** A model became deprecated. */
public record ModelDeprecated(ModelName name, long revision) implements ModelEvent {
}
