package io.catalogbatch.catalog.domain.events;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelField;
import java.util.Set;

/** Some of a model's details changed; {@code details} holds all of them after the change. */
public record ModelDetailsChanged(ModelName name, ModelDetails details, Set<ModelField> changed, long revision) implements ModelEvent {
}
