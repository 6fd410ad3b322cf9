package io.catalogbatch.catalog.domain.commands;

import io.catalogbatch.catalog.domain.ModelName;

/** Makes a deprecated or archived model active again. */
public record RestoreModel(ModelName name) implements CatalogCommand {
}
