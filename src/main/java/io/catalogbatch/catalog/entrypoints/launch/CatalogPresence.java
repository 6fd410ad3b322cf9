package io.catalogbatch.catalog.entrypoints.launch;

import io.catalogbatch.runs.ReadOnlyDatabase;
import io.catalogbatch.shared.store.StoreLocation;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Whether a catalog is there, looked at without creating anything: a folder that exists, or a database that
 * exists and holds the catalog's table. The commands that only read (export, search, history, a migration's
 * source) say "there is no catalog at ..." instead of opening, and so creating, an empty one.
 */
public final class CatalogPresence {

    /** The table a database catalog keeps its models in (catalog/adapters/jdbc/CatalogSchema). */
    static final String MODELS_TABLE = "catalog_model";

    private CatalogPresence() {
    }

    public static boolean absent(StoreLocation catalog) throws SQLException {
        if (!catalog.isDatabase()) {
            return !Files.isDirectory(catalog.folder());
        }
        try (Connection connection = ReadOnlyDatabase.connect(catalog.value())) {
            return !ReadOnlyDatabase.hasTable(connection, MODELS_TABLE);
        } catch (SQLException e) {
            if (ReadOnlyDatabase.missing(e)) {
                return true;
            }
            throw e;
        }
    }
}
