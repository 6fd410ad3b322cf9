package io.catalogbatch.catalog.domain.commands;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.Tag;
/** Gives a known model a tag; a no-op when it has it already. */
public record TagModel(ModelName name, Tag tag) implements CatalogCommand {
}
