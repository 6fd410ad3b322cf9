package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.service.CatalogBootstrap;
import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.shared.batch.CommandWriter;
import io.catalogbatch.shared.batch.CsvRowReader;
import io.catalogbatch.shared.batch.RejectionLog;
import io.catalogbatch.shared.batch.RowCommand;
import io.catalogbatch.shared.batch.RowToCommandProcessor;
import io.catalogbatch.shared.batch.StepScoped;
import io.catalogbatch.shared.csv.CsvRow;
import java.nio.file.Path;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The import job (SPEC §4): the models file, then the tags file, each row a command on the catalog's bus,
 * in chunks that commit together with the job repository's record of how far the step got.
 */
@Configuration(proxyBeanMethods = false)
public class ImportCatalogJobConfiguration {

    public static final String JOB_NAME = "importCatalogJob";
    public static final String MODELS_STEP = "importModelsStep";
    public static final String TAGS_STEP = "importTagsStep";
    public static final String MODELS_FILE = "models.file";
    public static final String TAGS_FILE = "tags.file";

    @Bean
    Job importCatalogJob(JobRepository jobRepository, Step importModelsStep, Step importTagsStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(importModelsStep).next(importTagsStep).build();
    }

    @Bean
    Step importModelsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          @Value("${catalog-batch.chunk-size:1000}") int chunkSize,
                          ItemStreamReader<CsvRow> modelsReader, ItemProcessor<CsvRow, RowCommand> modelsProcessor,
                          ItemWriter<RowCommand> modelsWriter) {
        return new StepBuilder(MODELS_STEP, jobRepository).<CsvRow, RowCommand>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(modelsReader).processor(modelsProcessor).writer(modelsWriter)
                .build();
    }

    @Bean
    Step importTagsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        @Value("${catalog-batch.chunk-size:1000}") int chunkSize,
                        ItemStreamReader<CsvRow> tagsReader, ItemProcessor<CsvRow, RowCommand> tagsProcessor,
                        ItemWriter<RowCommand> tagsWriter) {
        return new StepBuilder(TAGS_STEP, jobRepository).<CsvRow, RowCommand>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(tagsReader).processor(tagsProcessor).writer(tagsWriter)
                .build();
    }

    @Bean
    @StepScoped
    ItemStreamReader<CsvRow> modelsReader(@Value("#{jobParameters['" + MODELS_FILE + "']}") String file) {
        return new CsvRowReader(Path.of(file), "models");
    }

    @Bean
    @StepScoped
    ItemStreamReader<CsvRow> tagsReader(@Value("#{jobParameters['" + TAGS_FILE + "'] ?: ''}") String file) {
        return file.isEmpty() ? new NoRows() : new CsvRowReader(Path.of(file), "tags");
    }

    @Bean
    @StepScoped
    ItemProcessor<CsvRow, RowCommand> modelsProcessor(RejectionLog rejections,
            @Value("#{jobParameters['" + MODELS_FILE + "']}") String file) {
        return new RowToCommandProcessor(row -> new ModelRow(row).toCommand(), rejections.forFile(file));
    }

    @Bean
    @StepScoped
    ItemProcessor<CsvRow, RowCommand> tagsProcessor(RejectionLog rejections,
            @Value("#{jobParameters['" + TAGS_FILE + "'] ?: ''}") String file) {
        return new RowToCommandProcessor(row -> new TagRow(row).toCommand(), rejections.forFile(file));
    }

    @Bean
    @StepScoped
    CommandWriter modelsWriter(CatalogStore catalogStore, RejectionLog rejections,
                               @Value("#{jobParameters['" + MODELS_FILE + "']}") String file) {
        return new CommandWriter(CatalogBootstrap.bus(catalogStore.unitOfWork()), rejections.forFile(file));
    }

    @Bean
    @StepScoped
    CommandWriter tagsWriter(CatalogStore catalogStore, RejectionLog rejections,
                             @Value("#{jobParameters['" + TAGS_FILE + "'] ?: ''}") String file) {
        return new CommandWriter(CatalogBootstrap.bus(catalogStore.unitOfWork()), rejections.forFile(file));
    }

    /** The reader of a step whose file was not given. */
    private static final class NoRows implements ItemStreamReader<CsvRow> {
        @Override
        public CsvRow read() {
            return null;
        }

        @Override
        public void open(ExecutionContext executionContext) {
        }
    }
}
