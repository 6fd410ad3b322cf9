package io.catalogbatch.catalog.domain.commands;

import io.catalogbatch.catalog.domain.ModelField;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelPatch;

/** Changes the descriptive fields present in {@code patch} of a known model (its status excepted). */
public record UpdateModelDetails(ModelName name, ModelPatch patch, long expectedRevision) implements CatalogCommand {

    public UpdateModelDetails {
        if (patch.sets(ModelField.STATUS)) {
            throw new IllegalArgumentException("status changes through DeprecateModel, ArchiveModel, RestoreModel");
        }
    }

    public UpdateModelDetails(ModelName name, ModelPatch patch) {
        this(name, patch, AddModel.ANY_REVISION);
    }
}
