package io.catalogbatch.runs;

import io.catalogbatch.runs.RunSummary.FileSummary;
import io.catalogbatch.shared.batch.FileCheckTasklet;
import io.catalogbatch.shared.store.StoreLocation;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.explore.JobExplorer;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The runs a catalog's job repository recorded, newest first, read without changing anything: a catalog or
 * job repository that does not exist is not created, an H2 file is opened read-only, and everything is read
 * in one read-only transaction that is rolled back (one consistent picture, even while a run goes on).
 */
public final class RunHistory implements AutoCloseable {

    /**
     * One job execution as the history shows it; {@code started} and {@code duration} may be null; {@code host} is
     * empty for a run recorded before runs named their host.
     */
    public record Run(long execution, LocalDateTime started, String host, String command, List<String> files,
                      String status, RunCounts counts, Duration duration, String report) {
    }

    /** The newest runs, and how many the repository holds in all. */
    public record Page(List<Run> runs, long total) {
    }

    private static final String EXECUTIONS_TABLE = "BATCH_JOB_EXECUTION";

    /** The job repository is an H2 file another process has open: H2 lets one process use it at a time. */
    public static final class InUse extends Exception {
        InUse(String where) {
            super(where + " is in use by another process (a run going on?); try again when it ends");
        }
    }

    private final Connection connection;
    private final JobExplorer repository;
    private final Map<String, JobLayout> layouts;

    private RunHistory(Connection connection, JobExplorer repository, List<JobLayout> layouts) {
        this.connection = connection;
        this.repository = repository;
        this.layouts = layouts.stream().collect(Collectors.toMap(JobLayout::jobName, Function.identity()));
    }

    /**
     * The catalog's job repository, or empty when it records no run (it, or the catalog, does not exist); the runs
     * of the jobs {@code layouts} names are described by them, those of others by {@link JobLayout#of}.
     */
    public static Optional<RunHistory> open(StoreLocation catalog, List<JobLayout> layouts) throws Exception {
        if (!catalog.isDatabase() && !Files.isRegularFile(JobRepositoryLocation.fileOf(catalog))) {
            return Optional.empty();
        }
        String url = JobRepositoryLocation.of(catalog);
        Connection connection;
        try {
            connection = ReadOnlyDatabase.connect(url);
        } catch (SQLException e) {
            if (ReadOnlyDatabase.missing(e)) {
                return Optional.empty();
            }
            if (Failures.inUseByAnotherProcess(e)) {
                InUse inUse = new InUse(catalog.isDatabase() ? catalog.shown()
                        : JobRepositoryLocation.fileOf(catalog).toString());
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
            return Optional.of(new RunHistory(connection, factory.getObject(), layouts));
        } catch (Exception e) {
            connection.close();
            throw e;
        }
    }

    /** The {@code limit} newest job executions (all of them for 0), newest first. */
    public Page newest(int limit) throws Exception {
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
        JobLayout layout = layouts.getOrDefault(jobName, JobLayout.of(jobName));
        String report = execution.getExecutionContext().getString(RunReportFolder.MOVED_TO,
                Objects.requireNonNullElse(parameters.getString(RunReportFolder.REPORT_DIR), ""));
        LocalDateTime started = execution.getStartTime();
        LocalDateTime ended = execution.getEndTime() != null ? execution.getEndTime() : execution.getLastUpdated();
        Duration duration = started == null || ended == null ? null : Duration.between(started, ended);
        String command = Objects.requireNonNullElse(parameters.getString(JobRuns.COMMAND), commandOf(jobName));
        String host = Objects.requireNonNullElse(parameters.getString(JobRuns.HOST), "");
        List<String> files = filesOf(parameters, layout);
        Optional<RunSummary> summary = summaryOf(execution, report);
        if (summary.isPresent()) {
            RunCounts counted = summary.get().files().stream().map(RunCounts::of)
                    .reduce(RunCounts.NONE, RunCounts::plus);
            return new Run(execution.getId(), started, host, command, files, summary.get().status(), counted, duration,
                    report);
        }
        RunCounts committed = RunCounts.committedBy(execution, layout::countsRows,
                () -> repository.getJobExecutions(execution.getJobInstance()));
        return new Run(execution.getId(), started, host, command, files, statusOf(execution, committed.rejected()),
                committed, duration, report);
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

    /** {@code importCatalogJob} is {@code import}, {@code allocateJob} {@code allocate}: the first word. */
    static String commandOf(String jobName) {
        for (int i = 1; i < jobName.length(); i++) {
            if (Character.isUpperCase(jobName.charAt(i))) {
                return jobName.substring(0, i);
            }
        }
        return jobName;
    }

    /** The names of the input files (in the layout's order, then any other {@code *.file}), or the input folder. */
    private static List<String> filesOf(JobParameters parameters, JobLayout layout) {
        List<String> files = new ArrayList<>();
        parameters.parameters().stream()
                .filter(parameter -> parameter.name().endsWith(".file") && parameter.value() instanceof String)
                .sorted(Comparator.comparing(JobParameter::name, layout.fileOrder()))
                .forEach(parameter -> files.add(nameOf((String) parameter.value())));
        String folder = layout.inputFolder().isEmpty() ? null : parameters.getString(layout.inputFolder());
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
