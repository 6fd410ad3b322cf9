package io.catalogbatch.catalog.domain.commands;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.Tag;
import java.util.Set;

/** Makes a known model's tags exactly {@code tags}. */
public record ReplaceTags(ModelName name, Set<Tag> tags) implements CatalogCommand {

    public ReplaceTags {
        tags = Set.copyOf(tags);
        Model.checkTagCount(name, tags.size());
    }
}
