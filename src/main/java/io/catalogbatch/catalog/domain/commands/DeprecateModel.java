package io.catalogbatch.catalog.domain.commands;

import io.catalogbatch.catalog.domain.ModelName;

/** Marks a known model deprecated. */
public record DeprecateModel(ModelName name) implements CatalogCommand {
}
