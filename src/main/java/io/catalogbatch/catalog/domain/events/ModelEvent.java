package io.catalogbatch.catalog.domain.events;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.shared.domain.Event;

/** An event of the catalog: each one raised the model's revision by one, to {@link #revision()}. */
public sealed interface ModelEvent extends Event
        permits ModelAdded, ModelDetailsChanged, ModelTagged, ModelUntagged, ModelDeprecated, ModelArchived,
        ModelRestored {

    ModelName name();

    long revision();
}
