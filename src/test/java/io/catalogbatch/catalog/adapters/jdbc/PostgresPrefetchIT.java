package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.shared.jdbc.PostgresDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PrefetchIT} on a PostgreSQL database of its own per test. */
class PostgresPrefetchIT extends PrefetchIT {

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    @Override
    DataSource database() {
        return PostgresDatabases.dataSource(postgres.create());
    }
}
