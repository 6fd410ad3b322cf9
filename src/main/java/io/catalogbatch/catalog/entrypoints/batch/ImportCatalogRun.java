package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.catalog.service.ForwardReferences;
import io.catalogbatch.shared.batch.ChangesFile;
import io.catalogbatch.shared.batch.ImportedFile;

/** What one import run works with: the store (or its dry-run stand-in), its input files, its change log. */
record ImportCatalogRun(CatalogStore store, ImportedFile models, ImportedFile tags, ForwardReferences forward,
                        ModelChanges changes, long failAfterLine) {

    ImportCatalogRun(CatalogStore store, ImportedFile models, ImportedFile tags, ForwardReferences forward,
                     ChangesFile changes, long failAfterLine) {
        this(store, models, tags, forward, new ModelChanges(changes), failAfterLine);
    }
}
