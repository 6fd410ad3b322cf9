package io.catalogbatch.shared.store;

import java.nio.file.Path;

/**
 * Where a store lives: a folder of CSV files, or a database given by its JDBC URL. Where its runs are recorded
 * is the business of {@code runs.JobRepositoryLocation}.
 */
public record StoreLocation(String value) {

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

    @Override
    public String toString() {
        return value;
    }
}
