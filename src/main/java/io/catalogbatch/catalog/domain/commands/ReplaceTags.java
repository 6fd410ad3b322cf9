package io.catalogbatch.catalog.domain.commands;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.Tag;
import java.util.Map;
import java.util.Set;

/**
 * Makes a known model's tags exactly {@code tags}. {@code fromSpreadsheet}: the line of each of those tags that
 * a row of a file from a spreadsheet program listed; such a tag, when the program made it of one of the model's
 * tags ({@code 3.0} written back as {@code 3}), does not replace that tag.
 */
public record ReplaceTags(ModelName name, Set<Tag> tags, Map<Tag, Long> fromSpreadsheet) implements CatalogCommand {

    public ReplaceTags {
        tags = Set.copyOf(tags);
        Model.checkTagCount(name, tags.size());
        fromSpreadsheet = Map.copyOf(fromSpreadsheet);
    }

    public ReplaceTags(ModelName name, Set<Tag> tags) {
        this(name, tags, Map.of());
    }
}
