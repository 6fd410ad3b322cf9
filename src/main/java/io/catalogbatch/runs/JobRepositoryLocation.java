package io.catalogbatch.runs;

import io.catalogbatch.shared.store.StoreLocation;
import java.nio.file.Path;

/**
 * Where the job repository of a store goes: in the same database, or in an H2 file database inside the folder,
 * so that runs, restarts and history belong to the catalog they changed.
 */
public final class JobRepositoryLocation {

    /** The folder inside a store's folder that holds its job repository. */
    public static final String FOLDER = ".catalog-batch";

    private JobRepositoryLocation() {
    }

    /** The JDBC URL of the store's job repository. */
    public static String of(StoreLocation store) {
        return store.isDatabase() ? store.value() : in(store.folder().resolve(FOLDER));
    }

    /** An H2 file job repository in a folder ({@code jobs.mv.db}), without H2's trace file beside it. */
    public static String in(Path folder) {
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve("jobs") + ";AUTO_SERVER=FALSE;TRACE_LEVEL_FILE=0";
    }

    /** The H2 file of a folder store's job repository. */
    static Path fileOf(StoreLocation folderStore) {
        return folderStore.folder().resolve(FOLDER).resolve("jobs.mv.db");
    }
}
