package io.catalogbatch.archfixture.catalog.adapters.csv;

/** Test fixture: stands for the folder store the cache must not reach back into. */
public final class FolderStore {

    public static int models() {
        return 0;
    }
}
