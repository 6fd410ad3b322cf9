package io.catalogbatch.catalog.domain.events;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.Tag;

/** A model got a tag it did not have. */
public record ModelTagged(ModelName name, Tag tag, long revision) implements ModelEvent {
}
