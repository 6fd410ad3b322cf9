package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.shared.jdbc.PostgresDatabases;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CaseFoldingUpgradeIT} on a PostgreSQL database of its own per test. */
class PostgresCaseFoldingUpgradeIT extends CaseFoldingUpgradeIT {

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    @Override
    DataSource database() {
        return PostgresDatabases.dataSource(postgres.create());
    }

    @Override
    List<String> newLayout() {
        return List.of("case-folded", "typed");
    }

    /** As JSON text: PgJDBC's arrays and byte arrays do not compare by {@code equals}. */
    @Override
    List<Map<String, Object>> rows() {
        return jdbc.queryForList("select to_jsonb(m)::text from catalog_model m order by name");
    }
}
