package io.catalogbatch.catalog.domain.events;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.Status;

/** A model entered the catalog, with these details and status. */
public record ModelAdded(ModelName name, ModelDetails details, Status status, long revision) implements ModelEvent {
}
