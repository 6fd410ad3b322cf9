package io.catalogbatch.shared.batch;

import java.nio.file.Path;

/**
 * Where a store lives: a folder of CSV files, or a database given by its JDBC URL. It also says where the
 * job repository goes: in the same database, or in an H2 file database inside the folder, so that runs,
 * restarts and history belong to the catalog they changed.
 */
public record StoreLocation(String value) {

    public static final String JOB_REPOSITORY_FOLDER = ".catalog-batch";

    public static StoreLocation of(String value) {
        return new StoreLocation(value.strip());
    }

    public boolean isDatabase() {
        return value.startsWith("jdbc:");
    }

    public Path folder() {
        if (isDatabase()) {
            throw new IllegalStateException(value + " is a database, not a folder");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    public String jobRepositoryUrl() {
        return isDatabase() ? value : jobRepositoryIn(folder().resolve(JOB_REPOSITORY_FOLDER));
    }

    /** An H2 file job repository in a folder ({@code jobs.mv.db}), without H2's trace file beside it. */
    public static String jobRepositoryIn(Path folder) {
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve("jobs") + ";AUTO_SERVER=FALSE;TRACE_LEVEL_FILE=0";
    }

    @Override
    public String toString() {
        return value;
    }
}
