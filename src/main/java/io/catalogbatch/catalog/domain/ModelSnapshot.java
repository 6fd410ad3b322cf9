package io.catalogbatch.catalog.domain;

import java.util.SortedSet;

/** The whole stored state of a model, as stores keep it and read models show it. Tags are sorted. */
public record ModelSnapshot(ModelName name, ModelDetails details, Status status, long revision,
                            SortedSet<Tag> tags) {

    public ModelSnapshot {
        tags = SortedTags.copyOf(tags);
    }

    public String key() {
        return name.key();
    }
}
