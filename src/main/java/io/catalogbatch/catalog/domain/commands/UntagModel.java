package io.catalogbatch.catalog.domain.commands;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.Tag;
/** Takes a tag from a known model; a no-op when it does not have it. */
public record UntagModel(ModelName name, Tag tag) implements CatalogCommand {
}
