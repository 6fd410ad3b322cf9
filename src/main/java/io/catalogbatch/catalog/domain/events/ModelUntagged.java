package io.catalogbatch.catalog.domain.events;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.Tag;

/** A model lost a tag it had. */
public record ModelUntagged(ModelName name, Tag tag, long revision) implements ModelEvent {
}
