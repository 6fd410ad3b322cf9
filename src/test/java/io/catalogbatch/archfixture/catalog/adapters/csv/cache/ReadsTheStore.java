package io.catalogbatch.archfixture.catalog.adapters.csv.cache;

import io.catalogbatch.archfixture.catalog.adapters.csv.FolderStore;

/** PLANTED VIOLATION (test fixture): a cache that asks the folder store, so the store cannot go without it. */
public final class ReadsTheStore {

    int size() {
        return FolderStore.models();
    }
}
