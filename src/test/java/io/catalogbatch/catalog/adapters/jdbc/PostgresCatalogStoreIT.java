package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.adapters.CatalogStoreContract;
import io.catalogbatch.catalog.service.CatalogUnitOfWork;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import io.catalogbatch.shared.jdbc.PostgresDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The store contract on a PostgreSQL server, a database of its own per test (creating one takes ~0.1 s). */
class PostgresCatalogStoreIT extends CatalogStoreContract {

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();
    DataSource dataSource;
    JdbcCatalog catalog;

    /** The {@code create database} options of the test's database. */
    String databaseOptions() {
        return "";
    }

    @BeforeEach
    void open() {
        dataSource = PostgresDatabases.dataSource(postgres.create(databaseOptions()));
        reopen();
    }

    @AfterEach
    void close() {
        if (catalog != null) { // null: skipped, no server
            catalog.close();
        }
    }

    @Override
    protected CatalogUnitOfWork unitOfWork() {
        return catalog.unitOfWork();
    }

    @Override
    protected CatalogQueries queries() {
        return catalog;
    }

    @Override
    protected void reopen() {
        if (catalog != null) {
            catalog.close();
        }
        catalog = new JdbcCatalog(dataSource, new DataSourceTransactionManager(dataSource));
    }
}
