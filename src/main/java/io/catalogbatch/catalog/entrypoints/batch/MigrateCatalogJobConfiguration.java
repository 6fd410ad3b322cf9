package io.catalogbatch.catalog.entrypoints.batch;

import static io.catalogbatch.catalog.entrypoints.batch.MigrateCatalogJob.CLEAR_STEP;
import static io.catalogbatch.catalog.entrypoints.batch.MigrateCatalogJob.COPY_STEP;
import static io.catalogbatch.catalog.entrypoints.batch.MigrateCatalogJob.FROM;
import static io.catalogbatch.catalog.entrypoints.batch.MigrateCatalogJob.JOB_NAME;
import static io.catalogbatch.catalog.entrypoints.batch.MigrateCatalogJob.OVERWRITE;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.service.CatalogBootstrap;
import io.catalogbatch.catalog.service.CatalogSources;
import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.shared.jdbc.UrlSecrets;
import java.io.IOException;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The migration job: copies every model of one catalog (CSV folder or database) into another, in chunks
 * that commit with the job repository of the target, each model stored as it was (revision included) by
 * a {@code CopyModel} command. Restartable: it goes on after the last committed key.
 */
@Configuration(proxyBeanMethods = false)
public class MigrateCatalogJobConfiguration {

    @Bean
    Job migrateCatalogJob(JobRepository jobRepository, Step clearTargetStep, Step copyModelsStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(clearTargetStep).next(copyModelsStep).build();
    }

    /**
     * The source catalog, opened to read only, for the run; closed with it. The job parameter names it with any
     * password masked; the command gave it whole, in memory ({@link MigrateCatalogJob#SOURCE_SETTING}).
     */
    @Bean(destroyMethod = "close")
    @Scope(value = "job", proxyMode = ScopedProxyMode.NO)
    CatalogStore migrationSource(@Value("#{jobParameters['" + FROM + "']}") String from,
                                 @Value("${" + MigrateCatalogJob.SOURCE_SETTING + ":}") String given,
                                 CatalogSources sources) throws IOException {
        return sources.openForReading(!given.isEmpty() && UrlSecrets.masked(given).equals(from) ? given : from);
    }

    /** Job-scoped without a proxy: built inside the run, with a bus of its own on the target catalog. */
    @Bean
    @Scope(value = "job", proxyMode = ScopedProxyMode.NO)
    ItemWriter<ModelSnapshot> copyModelsWriter(CatalogStore catalogStore) {
        return new CopyModelsWriter(CatalogBootstrap.bus(catalogStore.unitOfWork()));
    }

    @Bean
    @JobScope
    Step clearTargetStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         CatalogStore catalogStore,
                         @Value("#{jobParameters['" + OVERWRITE + "'] ?: 'false'}") String overwrite) {
        return new StepBuilder(CLEAR_STEP, jobRepository).tasklet((contribution, context) -> {
            if (Boolean.parseBoolean(overwrite)) {
                catalogStore.deleteAll();
            }
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    @Bean
    @JobScope
    Step copyModelsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        @Value("${catalog-batch.chunk-size:1000}") int chunkSize,
                        @Qualifier("migrationSource") CatalogStore source,
                        @Qualifier("copyModelsWriter") ItemWriter<ModelSnapshot> copyModelsWriter) {
        return new StepBuilder(COPY_STEP, jobRepository).<ModelSnapshot, ModelSnapshot>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(new ModelPageReader(source.queries(), chunkSize))
                .writer(copyModelsWriter)
                .build();
    }
}
