package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.shared.jdbc.PostgresDatabases;

/**
 * The store contract on a PostgreSQL database whose default collation is ICU's {@code en-US}, which orders text
 * otherwise than SPEC §8's code-unit order (a user's database may well be made so).
 */
class PostgresIcuCatalogStoreIT extends PostgresCatalogStoreIT {

    @Override
    String databaseOptions() {
        return PostgresDatabases.ICU_EN_US;
    }
}
