package io.catalogbatch.catalog.domain.commands;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelSnapshot;

/**
 * Stores a model exactly as another catalog holds it, revision included (a migration). Copying a model
 * the target already holds as it is changes nothing, so a resumed migration can copy a row again.
 */
public record CopyModel(ModelSnapshot model) implements CatalogCommand {

    @Override
    public ModelName name() {
        return model.name();
    }
}
