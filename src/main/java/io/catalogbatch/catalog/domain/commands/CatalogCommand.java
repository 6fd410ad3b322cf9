package io.catalogbatch.catalog.domain.commands;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.shared.domain.Command;

/** A command of the catalog; each names the model it concerns. */
public sealed interface CatalogCommand extends Command
        permits AddModel, UpdateModelDetails, TagModel, UntagModel, ReplaceTags, DeprecateModel, ArchiveModel,
        RestoreModel, CopyModel {

    ModelName name();
}
