package io.catalogbatch.catalog.domain.commands;

import io.catalogbatch.catalog.domain.ModelName;

/** Archives a known model: search leaves it out unless asked. */
public record ArchiveModel(ModelName name) implements CatalogCommand {
}
