package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.shared.batch.ChangesFile;
import io.catalogbatch.shared.batch.ImportedFile;

/** What one import run works with: the store (or its dry-run stand-in), its input files, its change log. */
record ImportCatalogRun(CatalogStore store, ImportedFile models, ImportedFile tags, ModelChanges changes,
                        long failAfterLine) {

    ImportCatalogRun(CatalogStore store, ImportedFile models, ImportedFile tags, ChangesFile changes,
                     long failAfterLine) {
        this(store, models, tags, new ModelChanges(changes), failAfterLine);
    }
}
