package io.catalogbatch.catalog.domain;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** The whole stored state of a model, as stores keep it and read models show it. Tags are sorted. */
public record ModelSnapshot(ModelName name, ModelDetails details, Status status, long revision,
                            SortedSet<Tag> tags) {

    public ModelSnapshot {
        tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }

    public String key() {
        return name.key();
    }
}
