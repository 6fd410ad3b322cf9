package io.catalogbatch.catalog.domain.events;

import io.catalogbatch.catalog.domain.ModelName;

/** A model was archived. */
public record ModelArchived(ModelName name, long revision) implements ModelEvent {
}
