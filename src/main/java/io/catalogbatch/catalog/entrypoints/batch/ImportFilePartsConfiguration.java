package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.domain.commands.CatalogCommand;
import io.catalogbatch.shared.batch.CommandWriter;
import io.catalogbatch.shared.batch.CsvRowReader;
import io.catalogbatch.shared.batch.ImportedFile;
import io.catalogbatch.shared.batch.RowToCommandProcessor;
import io.catalogbatch.shared.batch.StepScoped;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reader, processor and writer of each input file of the import job ({@link ImportCatalogJobConfiguration}),
 * step-scoped: made anew for each execution of their step, with a bus and a unit of work of their own, from
 * what the run shares ({@link ImportCatalogRun}, job-scoped). Interface proxies ({@link StepScoped}), so the
 * steps take them by their Spring Batch interfaces.
 */
@Configuration(proxyBeanMethods = false)
public class ImportFilePartsConfiguration {

    @Bean
    @StepScoped
    CsvRowReader modelsReader(ImportCatalogRun run) {
        return readerOf(run.models());
    }

    @Bean
    @StepScoped
    RowToCommandProcessor<AddModel> modelsProcessor(ImportCatalogRun run) {
        return new RowToCommandProcessor<>(run.models());
    }

    @Bean
    @StepScoped
    CommandWriter<AddModel> modelsWriter(ImportCatalogRun run) {
        return new CommandWriter<>(run.bus(), run::prefetch, run.models());
    }

    @Bean
    @StepScoped
    CsvRowReader tagsReader(ImportCatalogRun run) {
        return readerOf(run.tags());
    }

    @Bean
    @StepScoped
    RowToCommandProcessor<CatalogCommand> tagsProcessor(ImportCatalogRun run) {
        return new RowToCommandProcessor<>(run.tags());
    }

    @Bean
    @StepScoped
    CommandWriter<CatalogCommand> tagsWriter(ImportCatalogRun run) {
        return new CommandWriter<>(run.bus(), run::prefetch, run.tags());
    }

    /** The reader of an import step keeps its position under {@code <role>.rows}. */
    private static CsvRowReader readerOf(ImportedFile<?> file) {
        return new CsvRowReader(file.file(), file.role(), file.options(), file);
    }
}
