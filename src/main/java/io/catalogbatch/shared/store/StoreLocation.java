package io.catalogbatch.shared.store;

import io.catalogbatch.shared.jdbc.UrlSecrets;
import java.nio.file.Path;

/**
 * Where a store lives: a folder of CSV files, or a database given by its JDBC URL. Where its runs are recorded
 * is the business of {@code runs.JobRepositoryLocation}. {@link #value()} is the location as given, password
 * included, for connecting only; {@link #shown()} (and {@code toString}) is what may be printed, logged or recorded.
 */
public record StoreLocation(String value) {

    public static StoreLocation of(String value) {
        UrlSecrets.given(value);
        return new StoreLocation(value.strip());
    }

    /** The location with any password in it shown as {@value UrlSecrets#MASK}. */
    public String shown() {
        return UrlSecrets.masked(value);
    }

    public boolean isDatabase() {
        return value.startsWith("jdbc:");
    }

    public Path folder() {
        if (isDatabase()) {
            throw new IllegalStateException(shown() + " is a database, not a folder");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        return shown();
    }
}
