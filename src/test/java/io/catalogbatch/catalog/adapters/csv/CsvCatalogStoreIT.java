package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.adapters.CatalogStoreContract;
import io.catalogbatch.catalog.service.CatalogUnitOfWork;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class CsvCatalogStoreIT extends CatalogStoreContract {

    @TempDir
    Path folder;
    CsvCatalog catalog;

    @BeforeEach
    void open() throws Exception {
        catalog = CsvCatalog.openForWriting(folder);
    }

    @AfterEach
    void close() throws Exception {
        catalog.close();
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
    protected void reopen() throws Exception {
        catalog.close();
        catalog = CsvCatalog.openForWriting(folder);
    }
}
