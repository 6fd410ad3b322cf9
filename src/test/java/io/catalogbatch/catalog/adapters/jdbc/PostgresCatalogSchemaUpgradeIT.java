package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.shared.jdbc.PostgresDatabases;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CatalogSchemaUpgradeIT} on a PostgreSQL database of its own per test. */
class PostgresCatalogSchemaUpgradeIT extends CatalogSchemaUpgradeIT {

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    @Override
    DataSource database() {
        return PostgresDatabases.dataSource(postgres.create());
    }

    @Override
    List<String> indexes() {
        return jdbc.queryForList("select upper(indexname) from pg_indexes where schemaname = 'public'", String.class);
    }
}
