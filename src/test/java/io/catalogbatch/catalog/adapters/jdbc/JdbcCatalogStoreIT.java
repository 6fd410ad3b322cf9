package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.adapters.CatalogStoreContract;
import io.catalogbatch.catalog.service.CatalogUnitOfWork;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

class JdbcCatalogStoreIT extends CatalogStoreContract {

    @TempDir
    Path folder;
    JdbcDataSource dataSource;
    JdbcCatalog catalog;

    @BeforeEach
    void open() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + folder.resolve("catalog").toAbsolutePath());
        reopenCatalog();
    }

    private void reopenCatalog() {
        catalog = new JdbcCatalog(dataSource, new DataSourceTransactionManager(dataSource));
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
        reopenCatalog();
    }
}
