package io.catalogbatch.cli;

import io.catalogbatch.runs.RunStatus;
import io.catalogbatch.runs.RunReportFolder;
import io.catalogbatch.runs.ReadOnlyDatabase;
import io.catalogbatch.allocation.entrypoints.batch.AllocateJob;
import io.catalogbatch.catalog.entrypoints.batch.ImportCatalogJobConfiguration;
import io.catalogbatch.shared.batch.CommandWriter;
import io.catalogbatch.shared.batch.FileCheckTasklet;
import io.catalogbatch.runs.RunSummary;
import io.catalogbatch.runs.RunSummary.FileSummary;
import io.catalogbatch.shared.batch.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.repository.explore.JobExplorer;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The runs a catalog's job repository recorded, newest first, read without changing anything: a catalog or
 * job repository that does not exist is not created, an H2 file is opened read-only, and everything is read
 * in one read-only transaction that is rolled back (one consistent picture, even while a run goes on).
 */
final class RunHistory implements AutoCloseable {

    /** One job execution as the history shows it; {@code started} and {@code duration} may be null. */
    record Run(long execution, LocalDateTime started, String command, List<String> files, String status,
               long read, long imported, long rejected, Duration duration, String report) {
    }

    /** The newest runs, and how many the repository holds in all. */
    record Page(List<Run> runs, long total) {
    }

    private static final String EXECUTIONS_TABLE = "BATCH_JOB_EXECUTION";

    /** The job repository is an H2 file another process has open: H2 lets one process use it at a time. */
    static final class InUse extends Exception {
        InUse(String where) {
            super(where + " is in use by another process (a run going on?); try again when it ends");
        }
    }

    private final Connection connection;
    private final JobExplorer repository;

    private RunHistory(Connection connection, JobExplorer repository) {
        this.connection = connection;
        this.repository = repository;
    }

    /** The catalog's job repository, or empty when it records no run (it, or the catalog, does not exist). */
    static Optional<RunHistory> open(StoreLocation catalog) throws Exception {
        if (!catalog.isDatabase() && !Files.isRegularFile(catalog.folder()
                .resolve(StoreLocation.JOB_REPOSITORY_FOLDER).resolve("jobs.mv.db"))) {
            return Optional.empty();
        }
        String url = catalog.isDatabase() ? catalog.value() : catalog.jobRepositoryUrl();
        Connection connection;
        try {
            connection = ReadOnlyDatabase.connect(url);
        } catch (SQLException e) {
            if (ReadOnlyDatabase.missing(e)) {
                return Optional.empty();
            }
            if (e.getErrorCode() == Failures.H2_DATABASE_IN_USE) {
                InUse inUse = new InUse(catalog.isDatabase() ? url : catalog.folder()
                        .resolve(StoreLocation.JOB_REPOSITORY_FOLDER).resolve("jobs.mv.db").toString());
                inUse.addSuppressed(e);
                throw inUse;
            }
            throw e;
        }
        try {
            if (!ReadOnlyDatabase.hasTable(connection, EXECUTIONS_TABLE)) {
                connection.close();
                return Optional.empty();
            }
            JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
            factory.setDataSource(new SingleConnectionDataSource(connection, true));
            factory.setTransactionManager(new ResourcelessTransactionManager());
            factory.afterPropertiesSet();
            return Optional.of(new RunHistory(connection, factory.getObject()));
        } catch (Exception e) {
            connection.close();
            throw e;
        }
    }

    /** The {@code limit} newest job executions (all of them for 0), newest first. */
    Page newest(int limit) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement newestFirst = connection.prepareStatement("SELECT JOB_EXECUTION_ID FROM "
                + EXECUTIONS_TABLE + " ORDER BY JOB_EXECUTION_ID DESC")) {
            newestFirst.setMaxRows(limit);
            try (ResultSet rows = newestFirst.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        long total;
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + EXECUTIONS_TABLE);
             ResultSet rows = count.executeQuery()) {
            rows.next();
            total = rows.getLong(1);
        }
        List<Run> runs = new ArrayList<>();
        for (long id : ids) {
            JobExecution execution = repository.getJobExecution(id);
            if (execution != null) {
                runs.add(describe(execution));
            }
        }
        return new Page(runs, total);
    }

    /**
     * The run's status and counts come from the {@code summary.json} it wrote, when its report folder still
     * has it (a resumed run rewrites the summary of the run it resumes: the failed execution then falls back
     * to the repository); else from the repository's record of the execution and its steps.
     */
    private Run describe(JobExecution execution) {
        JobParameters parameters = execution.getJobParameters();
        String jobName = execution.getJobInstance().getJobName();
        String report = execution.getExecutionContext().getString(RunReportFolder.MOVED_TO,
                Objects.requireNonNullElse(parameters.getString(ImportCatalogJobConfiguration.REPORT_DIR), ""));
        LocalDateTime started = execution.getStartTime();
        LocalDateTime ended = execution.getEndTime() != null ? execution.getEndTime() : execution.getLastUpdated();
        Duration duration = started == null || ended == null ? null : Duration.between(started, ended);
        String command = Objects.requireNonNullElse(parameters.getString(CatalogImport.COMMAND), commandOf(jobName));
        List<String> files = filesOf(parameters);
        Optional<RunSummary> summary = summaryOf(execution, report);
        if (summary.isPresent()) {
            List<FileSummary> counted = summary.get().files();
            return new Run(execution.getId(), started, command, files, summary.get().status(),
                    counted.stream().mapToLong(FileSummary::read).sum(),
                    counted.stream().mapToLong(FileSummary::imported).sum(),
                    counted.stream().mapToLong(FileSummary::rejected).sum(), duration, report);
        }
        long read = 0;
        long rejected = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            if (countsRows(jobName, step.getStepName())) {
                // Committed rows only: the read count also has the rows of a chunk that was rolled back.
                read += step.getWriteCount() + step.getFilterCount() + step.getProcessSkipCount()
                        + step.getWriteSkipCount();
                rejected += step.getFilterCount() + step.getProcessSkipCount() + step.getWriteSkipCount()
                        + rejectedByHandlers(step);
            }
        }
        return new Run(execution.getId(), started, command, files, statusOf(execution, rejected), read,
                Math.max(0, read - rejected), rejected, duration, report);
    }

    /** The summary in the run's report folder, if it is this execution's (it started when this one did). */
    private static Optional<RunSummary> summaryOf(JobExecution execution, String report) {
        if (report.isEmpty() || execution.getStartTime() == null) {
            return Optional.empty();
        }
        Path file = Path.of(report).resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            RunSummary summary = RunSummary.read(file);
            Duration apart = Duration.between(LocalDateTime.parse(summary.started()), execution.getStartTime());
            return apart.abs().compareTo(Duration.ofMillis(1)) < 0 ? Optional.of(summary) : Optional.empty();
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // not a summary we can read: the repository's record stands
        }
    }

    private static String statusOf(JobExecution execution, long rejected) {
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED) {
            String refusedCode = FileCheckTasklet.REFUSED.getExitCode();
            boolean refused = refusedCode.equals(execution.getExitStatus().getExitCode())
                    || execution.getStepExecutions().stream()
                            .anyMatch(step -> refusedCode.equals(step.getExitStatus().getExitCode()))
                    || execution.getExecutionContext().entrySet().stream().anyMatch(entry ->
                            entry.getKey().endsWith(".refused") && !String.valueOf(entry.getValue()).isEmpty());
            return RunStatus.of(false, false, refused, rejected).word();
        }
        if (status.isRunning()) {
            return "running";
        }
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** The rows an import step's writer rejected in this execution (its context carries the run's total). */
    private long rejectedByHandlers(StepExecution step) {
        long total = step.getExecutionContext().getLong(CommandWriter.REJECTED_BY_HANDLERS, 0L);
        if (total == 0) {
            return 0;
        }
        JobExecution execution = step.getJobExecution();
        long before = repository.getJobExecutions(execution.getJobInstance()).stream()
                .filter(earlier -> earlier.getId() < execution.getId())
                .max(Comparator.comparingLong(JobExecution::getId))
                .flatMap(earlier -> earlier.getStepExecutions().stream()
                        .filter(s -> s.getStepName().equals(step.getStepName())).findFirst())
                .map(earlier -> earlier.getExecutionContext().getLong(CommandWriter.REJECTED_BY_HANDLERS, 0L))
                .orElse(0L);
        return Math.max(0, total - before);
    }

    /** The import job's rows are those of its two import steps; another job's, those of all its steps. */
    private static boolean countsRows(String jobName, String stepName) {
        return !jobName.equals(ImportCatalogJobConfiguration.JOB_NAME)
                || stepName.equals(ImportCatalogJobConfiguration.MODELS_STEP)
                || stepName.equals(ImportCatalogJobConfiguration.TAGS_STEP);
    }

    /** {@code importCatalogJob} is {@code import}, {@code allocateJob} {@code allocate}: the first word. */
    static String commandOf(String jobName) {
        for (int i = 1; i < jobName.length(); i++) {
            if (Character.isUpperCase(jobName.charAt(i))) {
                return jobName.substring(0, i);
            }
        }
        return jobName;
    }

    /** The names of the input files (models, then tags, then any other {@code *.file}), or the input folder. */
    private static List<String> filesOf(JobParameters parameters) {
        List<String> files = new ArrayList<>();
        parameters.parameters().stream()
                .filter(parameter -> parameter.name().endsWith(".file") && parameter.value() instanceof String)
                .sorted(Comparator.comparing((JobParameter<?> parameter) -> !parameter.name().equals(
                                ImportCatalogJobConfiguration.MODELS_FILE))
                        .thenComparing(parameter -> !parameter.name().equals(ImportCatalogJobConfiguration.TAGS_FILE))
                        .thenComparing(JobParameter::name))
                .forEach(parameter -> files.add(nameOf((String) parameter.value())));
        String folder = parameters.getString(AllocateJob.DIR);
        if (files.isEmpty() && folder != null) {
            files.add(nameOf(folder) + "/");
        }
        return files;
    }

    private static String nameOf(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? path : name.toString();
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
