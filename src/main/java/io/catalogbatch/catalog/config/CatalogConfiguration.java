package io.catalogbatch.catalog.config;

import io.catalogbatch.catalog.adapters.csv.CatalogCsvLayout;
import io.catalogbatch.catalog.adapters.csv.CsvCatalog;
import io.catalogbatch.catalog.adapters.jdbc.JdbcCatalog;
import io.catalogbatch.catalog.adapters.xlsx.CatalogErrorsWorkbook;
import io.catalogbatch.catalog.adapters.xlsx.CatalogWorkbook;
import io.catalogbatch.catalog.service.CatalogExport;
import io.catalogbatch.catalog.service.CatalogSources;
import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.catalog.service.ErrorsWorkbooks;
import io.catalogbatch.shared.batch.ErrorsWorkbook;
import io.catalogbatch.shared.csv.CsvFlavour;
import io.catalogbatch.shared.jdbc.H2Url;
import io.catalogbatch.shared.jdbc.PgPassword;
import io.catalogbatch.shared.store.StoreLocation;
import io.catalogbatch.shared.xlsx.TextWorkbook;
import java.io.IOException;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The catalog's composition root in Spring: the store named by {@code catalog.location} (a folder, or the
 * database the job repository also lives in, so that one chunk is one commit).
 */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

    /** Lazy: opened by the commands that use the catalog (a catalog folder is locked while it is open). */
    @Bean(destroyMethod = "close")
    @Lazy
    @Primary
    CatalogStore catalogStore(@Value("${catalog.location:./catalog}") String location,
                              @Value("${catalog.writable:false}") boolean writable,
                              @Value("${spring.datasource.url}") String jobRepositoryUrl,
                              DataSource dataSource, PlatformTransactionManager transactionManager) throws IOException {
        StoreLocation store = StoreLocation.of(location);
        if (store.isDatabase() && !store.value().equals(jobRepositoryUrl)) {
            // A dry run: its job repository is its own, the catalog database is only read, never created.
            DriverManagerDataSource catalog = new DriverManagerDataSource(H2Url.readOnly(store.value()));
            PgPassword.forUrl(store.value()).ifPresent(catalog::setPassword);
            return JdbcCatalog.readOnly(catalog, new DataSourceTransactionManager(catalog));
        }
        if (store.isDatabase()) {
            return writable ? new JdbcCatalog(dataSource, transactionManager)
                    : JdbcCatalog.forReading(dataSource, transactionManager);
        }
        return writable ? CsvCatalog.openForWriting(store.folder()) : CsvCatalog.openForReading(store.folder());
    }

    /** A migration's source: a folder read as it is, or a database whose catalog must already be there. */
    @Bean
    CatalogSources catalogSources() {
        return location -> {
            StoreLocation source = StoreLocation.of(location);
            if (!source.isDatabase()) {
                return CsvCatalog.openForReading(source.folder());
            }
            DriverManagerDataSource dataSource = new DriverManagerDataSource(source.value());
            PgPassword.forUrl(source.value()).ifPresent(dataSource::setPassword);
            return JdbcCatalog.existing(dataSource, new DataSourceTransactionManager(dataSource));
        };
    }

    @Bean
    @Lazy
    CatalogExport catalogExport(CatalogStore catalogStore, @Value("${catalog.location:./catalog}") String location) {
        CatalogWorkbook workbook = new CatalogWorkbook(location, Clock.systemUTC(), TextWorkbook.MAX_DATA_ROWS);
        return (folder, flavour, selection) -> switch (flavour) {
            case XLSX -> workbook.write(catalogStore.queries(), selection, folder);
            case RAW -> CatalogCsvLayout.write(catalogStore.queries(), selection, folder, CsvFlavour.RAW);
            case SPREADSHEET -> CatalogCsvLayout.write(catalogStore.queries(), selection, folder,
                    CsvFlavour.SPREADSHEET_EXPORT);
        };
    }

    /** The errors workbook of an import whose input is a workbook. */
    @Bean
    ErrorsWorkbooks errorsWorkbooks() {
        return new CatalogErrorsWorkbook(new ErrorsWorkbook());
    }
}
