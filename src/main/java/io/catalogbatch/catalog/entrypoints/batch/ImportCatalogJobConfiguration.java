package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.domain.commands.CatalogCommand;
import io.catalogbatch.catalog.entrypoints.batch.ListedTagsOfFiles.ListedRow;
import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.catalog.service.DryRunCatalogStore;
import io.catalogbatch.catalog.service.ForwardReferences;
import io.catalogbatch.catalog.service.ListedTags;
import io.catalogbatch.catalog.service.NamesAhead;
import io.catalogbatch.runs.JobLayout;
import io.catalogbatch.runs.RunReportFolder;
import io.catalogbatch.runs.remote.BrokerConfiguration;
import io.catalogbatch.runs.remote.ManagerAlive;
import io.catalogbatch.runs.remote.RemoteReportFolder;
import io.catalogbatch.runs.remote.Worker;
import io.catalogbatch.runs.remote.WorkerSteps;
import io.catalogbatch.shared.batch.ChangesFile;
import io.catalogbatch.shared.batch.CommandWriter;
import io.catalogbatch.shared.batch.CsvRowReader;
import io.catalogbatch.shared.batch.FileCheck;
import io.catalogbatch.shared.batch.FileCheckTasklet;
import io.catalogbatch.shared.batch.ImportedFile;
import io.catalogbatch.shared.batch.InputFileFacts;
import io.catalogbatch.shared.batch.ProgressListener;
import io.catalogbatch.shared.batch.RejectsFile;
import io.catalogbatch.shared.batch.RestartableListReader;
import io.catalogbatch.shared.batch.RowCommand;
import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.domain.Command;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.messaging.MessageChannel;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The import job (SPEC §3, §4). Each input file is first read whole for its structure (a refused file
 * stores nothing, and a refused models file leaves the tags file alone), then imported in chunks: each
 * row a command on the catalog's bus, each chunk committed together with the job repository's record of
 * how far the step got. Steps are job-scoped: built per run from that run's parameters; each file's reader,
 * processor and writer are step-scoped ({@link ImportFilePartsConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class ImportCatalogJobConfiguration {

    public static final String JOB_NAME = "importCatalogJob";
    public static final String CHECK_MODELS_STEP = "checkModelsFileStep";
    public static final String MODELS_STEP = "importModelsStep";
    public static final String CHECK_TAGS_STEP = "checkTagsFileStep";
    public static final String TAGS_STEP = "importTagsStep";
    public static final String MODELS_FILE = "models.file";
    public static final String TAGS_FILE = "tags.file";
    public static final String CHARSET = "charset";
    public static final String DRY_RUN = "dry.run";
    public static final String REPORT_DIR = RunReportFolder.REPORT_DIR;
    public static final String MODE = "mode";
    public static final String REPLACE_TAGS_STEP = "replaceTagsStep";
    /** For {@code history}: the rows of a run are those of the two import steps; models file first. */
    public static final JobLayout LAYOUT = new JobLayout(JOB_NAME, Set.of(MODELS_STEP, TAGS_STEP),
            List.of(MODELS_FILE, TAGS_FILE), "");
    public static final InputFileFacts MODELS = new InputFileFacts("models");
    public static final InputFileFacts TAGS = new InputFileFacts("tags");

    /** The step a worker runs for the models file's partition, and for the tags file's. */
    public static final String MODELS_PART = "importModelsPart";
    public static final String TAGS_PART = "importTagsPart";
    /** Set (to the broker's host) when the import steps run on workers. */
    private static final String ON_WORKERS = "catalog-batch.broker.host";
    private static final String POLL = "${catalog-batch.broker.poll-millis:1000}";

    static final Set<String> MODEL_COLUMNS = Set.of("name", "description", "task", "framework", "license", "url",
            "created", "status", "successor", "revision", "tags");
    static final Set<String> TAG_COLUMNS = Set.of("model", "tag", "action");
    /** The sheet a workbook given as the models file is read from (else its first sheet); likewise for tags. */
    static final String MODELS_SHEET = "models";
    static final String TAGS_SHEET = "tags";

    private static final String CHUNK_SIZE = "${catalog-batch.chunk-size:1000}";

    /**
     * With a broker ({@code import --broker}), the two import steps run on the workers ({@link #MODELS_PART},
     * {@link #TAGS_PART}); the checks and replace mode's last step run here, on the manager.
     */
    @Bean
    Job importCatalogJob(JobRepository jobRepository, Step checkModelsFileStep, Step importModelsStep,
                         Step checkTagsFileStep, Step importTagsStep, Step replaceTagsStep,
                         Step importModelsOnWorkers, Step importTagsOnWorkers,
                         @Value("${" + ON_WORKERS + ":}") String broker) {
        if (!broker.isEmpty()) {
            importModelsStep = importModelsOnWorkers;
            importTagsStep = importTagsOnWorkers;
        }
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(checkModelsFileStep).on(FileCheckTasklet.REFUSED.getExitCode()).end()
                .from(checkModelsFileStep).on("*").to(importModelsStep)
                .next(checkTagsFileStep).on(FileCheckTasklet.REFUSED.getExitCode()).end()
                .from(checkTagsFileStep).on("*").to(importTagsStep)
                .next(replaceTagsStep)
                .end()
                .build();
    }

    /** Job-scoped without a proxy: only job-scoped steps and step-scoped parts, made inside the run, use it. */
    @Bean
    @Scope(value = "job", proxyMode = ScopedProxyMode.NO)
    ImportCatalogRun importCatalogRun(CatalogStore catalogStore,
            @Value("#{jobParameters['" + MODELS_FILE + "'] ?: ''}") String modelsFile,
            @Value("#{jobParameters['" + TAGS_FILE + "'] ?: ''}") String tagsFile,
            @Value("#{jobParameters['" + CHARSET + "'] ?: 'UTF-8'}") String charset,
            @Value("#{jobParameters['" + DRY_RUN + "'] ?: 'false'}") String dryRun,
            @Value("#{jobParameters['" + REPORT_DIR + "']}") String reportDir,
            @Value("#{jobParameters['" + MODE + "'] ?: 'merge'}") String mode,
            @Value("${" + Worker.PROPERTY + ":false}") boolean worker) {
        // A worker writes the report in a folder of its own; the manager gets it through the database.
        Path report = worker ? RemoteReportFolder.scratchFor(reportDir) : Path.of(reportDir);
        CatalogStore store = Boolean.parseBoolean(dryRun) ? new DryRunCatalogStore(catalogStore) : catalogStore;
        Charset withoutBom = Charset.forName(charset);
        CsvReadOptions modelsOptions = new CsvReadOptions(withoutBom, MODEL_COLUMNS, Set.of("name"), MODELS_SHEET);
        // A workbook exported by catalog-batch came back from a spreadsheet program (#21 items 3, 4; ModelRow).
        boolean exportedWorkbook = !modelsFile.isEmpty()
                && ExportedWorkbook.exportedByCatalogBatch(Path.of(modelsFile), modelsOptions);
        ImportedFile<AddModel> models = modelsFile.isEmpty() ? null : new ImportedFile<>(MODELS.role(),
                Path.of(modelsFile), modelsOptions,
                report.resolve("models.errors.csv"), row -> new ModelRow(row, exportedWorkbook).toCommand(),
                command -> command.name().key(), ModelRow::key, "name", Map.of("tag", "tags"));
        ImportedFile<CatalogCommand> tags = tagsFile.isEmpty() ? null : new ImportedFile<>(TAGS.role(),
                Path.of(tagsFile), new CsvReadOptions(withoutBom, TAG_COLUMNS, Set.of("model", "tag"), TAGS_SHEET),
                report.resolve("tags.errors.csv"), row -> new TagRow(row).toCommand(),
                command -> TagRow.key(command.name(), TagRow.tagOf(command)), TagRow::key, "tag",
                Map.of("tags", "tag", "name", "model"));
        ForwardReferences forward = models == null ? ForwardReferences.NONE
                : new NamesAhead(new ModelsFileRows(models.file(), models.options()),
                        keys -> store.queries().storedAmong(keys));
        return new ImportCatalogRun(store, ImportMode.of(mode) == ImportMode.REPLACE, report, models, tags, forward,
                new ChangesFile(report.resolve("changes.csv"), ModelChanges.COLUMNS));
    }

    @Bean
    @JobScope
    Step checkModelsFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             ImportCatalogRun run) {
        FileCheckTasklet check = new FileCheckTasklet(MODELS, checkOf(run.models()), checkOf(run.tags()));
        return new StepBuilder(CHECK_MODELS_STEP, jobRepository).tasklet(check, transactionManager).build();
    }

    @Bean
    @JobScope
    Step checkTagsFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           ImportCatalogRun run) {
        FileCheckTasklet check = new FileCheckTasklet(TAGS, checkOf(run.tags()), null);
        return new StepBuilder(CHECK_TAGS_STEP, jobRepository).tasklet(check, transactionManager).build();
    }

    @Bean
    @JobScope
    Step importModelsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          @Value(CHUNK_SIZE) int chunkSize, ImportCatalogRun run,
                          @Value("#{jobExecution.executionContext}") ExecutionContext job,
                          @Qualifier("modelsReader") ItemStreamReader<CsvRow> reader,
                          @Qualifier("modelsProcessor") ItemProcessor<CsvRow, RowCommand<AddModel>> processor,
                          @Qualifier("modelsWriter") ItemWriter<RowCommand<AddModel>> writer) {
        // a tags file alone (no models file) is imported against the catalog as it is
        return importStep(MODELS_STEP, run.models(), MODELS.rows(job), jobRepository, transactionManager, chunkSize,
                reader, processor, writer, List.of());
    }

    @Bean
    @JobScope
    Step importTagsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        @Value(CHUNK_SIZE) int chunkSize, ImportCatalogRun run,
                        @Value("#{jobExecution.executionContext}") ExecutionContext job,
                        @Qualifier("tagsReader") ItemStreamReader<CsvRow> reader,
                        @Qualifier("tagsProcessor") ItemProcessor<CsvRow, RowCommand<CatalogCommand>> processor,
                        @Qualifier("tagsWriter") ItemWriter<RowCommand<CatalogCommand>> writer) {
        return importStep(TAGS_STEP, run.tags(), TAGS.rows(job), jobRepository, transactionManager, chunkSize,
                reader, processor, writer, List.of());
    }

    /** What a worker runs of the models file: the same step as {@link #importModelsStep}, under its own name. */
    @Bean
    @JobScope
    Step importModelsPart(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          DataSource dataSource, @Value("#{jobParameters['" + REPORT_DIR + "']}") String reportDir,
                          @Value(CHUNK_SIZE) int chunkSize, ImportCatalogRun run,
                          @Value("#{jobExecution.executionContext}") ExecutionContext job,
                          @Qualifier("modelsReader") ItemStreamReader<CsvRow> reader,
                          @Qualifier("modelsProcessor") ItemProcessor<CsvRow, RowCommand<AddModel>> processor,
                          @Qualifier("modelsWriter") ItemWriter<RowCommand<AddModel>> writer) {
        return importStep(MODELS_PART, run.models(), MODELS.rows(job), jobRepository, transactionManager, chunkSize,
                reader, processor, writer, onWorker(dataSource, reportDir));
    }

    /** What a worker runs of the tags file. */
    @Bean
    @JobScope
    Step importTagsPart(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        DataSource dataSource, @Value("#{jobParameters['" + REPORT_DIR + "']}") String reportDir,
                        @Value(CHUNK_SIZE) int chunkSize, ImportCatalogRun run,
                        @Value("#{jobExecution.executionContext}") ExecutionContext job,
                        @Qualifier("tagsReader") ItemStreamReader<CsvRow> reader,
                        @Qualifier("tagsProcessor") ItemProcessor<CsvRow, RowCommand<CatalogCommand>> processor,
                        @Qualifier("tagsWriter") ItemWriter<RowCommand<CatalogCommand>> writer) {
        return importStep(TAGS_PART, run.tags(), TAGS.rows(job), jobRepository, transactionManager, chunkSize,
                reader, processor, writer, onWorker(dataSource, reportDir));
    }

    /** The listeners of a worker's step: the report handed to the manager, the manager's lock checked. */
    private static List<Object> onWorker(DataSource dataSource, String reportDir) {
        return List.of(new RemoteReportFolder.Mirror(dataSource, reportDir), new ManagerAlive(dataSource));
    }

    /** The manager's models step of {@code import --broker}: its partition runs on a worker. */
    @Bean
    @JobScope
    Step importModelsOnWorkers(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               DataSource dataSource, ImportCatalogRun run, @Value(POLL) long pollMillis,
                               @Qualifier(BrokerConfiguration.REQUESTS_CHANNEL)
                               ObjectProvider<MessageChannel> requests) {
        return onWorkers(MODELS_STEP, MODELS_PART, run.models(), run, jobRepository, transactionManager, dataSource,
                requests, pollMillis);
    }

    /** The manager's tags step of {@code import --broker}. */
    @Bean
    @JobScope
    Step importTagsOnWorkers(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             DataSource dataSource, ImportCatalogRun run, @Value(POLL) long pollMillis,
                             @Qualifier(BrokerConfiguration.REQUESTS_CHANNEL)
                             ObjectProvider<MessageChannel> requests) {
        return onWorkers(TAGS_STEP, TAGS_PART, run.tags(), run, jobRepository, transactionManager, dataSource,
                requests, pollMillis);
    }

    private static Step onWorkers(String name, String part, ImportedFile<?> file, ImportCatalogRun run,
                                  JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  DataSource dataSource, ObjectProvider<MessageChannel> requests, long pollMillis) {
        if (file == null) {
            return new StepBuilder(name, jobRepository)
                    .tasklet((contribution, context) -> null, transactionManager).build();
        }
        // The workers' errors files and changes, written here when the step ended; in line order once it completed,
        // as the step puts them on one machine.
        Path errors = run.report().resolve(file == run.models() ? "models.errors.csv" : "tags.errors.csv");
        List<String> written = List.of(errors.getFileName().toString(), "changes.csv");
        RemoteReportFolder.Collect report = new RemoteReportFolder.Collect(dataSource, run.report(), written,
                folder -> {
                    if (Files.exists(errors)) {
                        RejectsFile.sortByLine(errors);
                    }
                });
        return WorkerSteps.onWorkers(name, part, jobRepository, requests.getObject(), pollMillis,
                List.of(CsvRowReader.positionKey(file.role()), CommandWriter.REJECTED_BY_HANDLERS), report);
    }

    /** The chunk step of one input file; a step that does nothing when the run has no such file. */
    private static <C extends Command> Step importStep(String name, ImportedFile<C> file, long totalRows, JobRepository jobRepository,
                                       PlatformTransactionManager transactionManager, int chunkSize,
                                       ItemStreamReader<CsvRow> reader, ItemProcessor<CsvRow, RowCommand<C>> processor,
                                       ItemWriter<RowCommand<C>> writer, List<Object> onWorker) {
        if (file == null) {
            return new StepBuilder(name, jobRepository)
                    .tasklet((contribution, context) -> null, transactionManager).build();
        }
        ProgressListener progress = progressOf(file, totalRows);
        var step = new StepBuilder(name, jobRepository).<CsvRow, RowCommand<C>>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(processor)
                .writer(writer);
        // A worker's listeners first: their afterStep runs last, once the errors file is closed.
        for (Object listener : onWorker) {
            step.listener((StepExecutionListener) listener).listener((ChunkListener<?, ?>) listener);
        }
        return step.listener(file)
                .listener((StepExecutionListener) progress)
                .listener((ChunkListener<?, ?>) progress)
                .build();
    }

    // ------------------------------------------------------------------------------------ replace mode's last step

    /** Replace mode's last step: each listed model's tags become what the run listed for it. */
    @Bean
    @JobScope
    Step replaceTagsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         @Value(CHUNK_SIZE) int chunkSize, ImportCatalogRun run) {
        if (!run.replace()) {
            return new StepBuilder(REPLACE_TAGS_STEP, jobRepository)
                    .tasklet((contribution, context) -> null, transactionManager).build();
        }
        RejectsFile modelRejects = run.models() == null ? null : run.rejectsOf(run.models());
        RejectsFile tagRejects = run.tags() == null ? null : run.rejectsOf(run.tags());
        return new StepBuilder(REPLACE_TAGS_STEP, jobRepository)
                .<ListedTags.Listing<ListedRow>, ListedTags.Listing<ListedRow>>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(new RestartableListReader<>("listed",
                        () -> ListedTagsOfFiles.of(run.models(), modelRejects, run.tags(), tagRejects)))
                .writer(new ListingWriter(run.bus(), modelRejects, tagRejects))
                .build();
    }

    private static ProgressListener progressOf(ImportedFile<?> file, long totalRows) {
        return new ProgressListener(file.file().getFileName().toString(), totalRows, System.err,
                System.console() != null);
    }

    private static FileCheck checkOf(ImportedFile<?> file) {
        return file == null ? null : file.check();
    }
}
