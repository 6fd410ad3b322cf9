package io.catalogbatch.runs;

import io.catalogbatch.shared.batch.CommandWriter;
import io.catalogbatch.shared.batch.CsvRowReader;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The rows of a run, or of one file of it: read (committed), imported, rejected, and not reached (a run that
 * stopped early). The one place that reads row counts back from the job repository, for {@code summary.json}
 * and for {@code history}; the keys it reads are those the steps have always written, so runs recorded before
 * stay counted the same.
 */
public record RunCounts(long read, long imported, long rejected, long notReached) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0);

    /**
     * One input file of a whole run (every execution, a resumed one included), as its summary counts it: the
     * file's {@code rows} (counted when it was checked), of which all were read once its step completed, else those
     * its reader had committed ({@link CsvRowReader#positionKey}); {@code rejected} are the rows of its rejects file.
     */
    public static RunCounts ofFile(JobExecution run, String stepName, String role, long rows, long rejected) {
        long total = Math.max(0, rows);
        long read = stepCompleted(run, stepName) ? total : committedRows(run, stepName, role);
        return new RunCounts(read, Math.max(0, read - rejected), rejected, total - read);
    }

    /** A file read whole: all its rows, of which {@code rejected} were rejected. */
    public static RunCounts ofWholeFile(long rows, long rejected) {
        return new RunCounts(rows, rows - rejected, rejected, 0);
    }

    /**
     * The rows one execution committed in the steps that count rows (a resumed run shows its part only): the step
     * counters (the read count would also have the rows of a chunk rolled back), plus the rows the handlers
     * rejected in this execution ({@link CommandWriter#REJECTED_BY_HANDLERS} carries the run's running total, so
     * the executions of its instance are looked up, only when some were rejected).
     */
    public static RunCounts committedBy(JobExecution execution, Predicate<String> countsRows,
                                        Supplier<List<JobExecution>> executionsOfItsInstance) {
        Supplier<Optional<JobExecution>> previous = () -> executionsOfItsInstance.get().stream()
                .filter(earlier -> earlier.getId() < execution.getId())
                .max(Comparator.comparingLong(JobExecution::getId));
        long read = 0;
        long rejected = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            if (countsRows.test(step.getStepName())) {
                read += step.getWriteCount() + step.getFilterCount() + step.getProcessSkipCount()
                        + step.getWriteSkipCount();
                rejected += step.getFilterCount() + step.getProcessSkipCount() + step.getWriteSkipCount()
                        + rejectedByHandlers(step, previous);
            }
        }
        return new RunCounts(read, Math.max(0, read - rejected), rejected, 0);
    }

    /**
     * What a file's summary says (a static factory, not a method of the summary: Jackson would write it to
     * {@code summary.json} as a property).
     */
    public static RunCounts of(RunSummary.FileSummary file) {
        return new RunCounts(file.read(), file.imported(), file.rejected(), file.skipped());
    }

    /** The counts of files or steps together. */
    public RunCounts plus(RunCounts other) {
        return new RunCounts(read + other.read, imported + other.imported, rejected + other.rejected,
                notReached + other.notReached);
    }

    private static boolean stepCompleted(JobExecution run, String stepName) {
        return run.getStepExecutions().stream()
                .anyMatch(s -> s.getStepName().equals(stepName) && s.getStatus() == BatchStatus.COMPLETED)
                || (run.getStatus() == BatchStatus.COMPLETED && run.getStepExecutions().stream()
                        .noneMatch(s -> s.getStepName().equals(stepName)));
    }

    private static long committedRows(JobExecution run, String stepName, String role) {
        return run.getStepExecutions().stream().filter(s -> s.getStepName().equals(stepName))
                .mapToLong(s -> s.getExecutionContext().getLong(CsvRowReader.positionKey(role), 0L)).max().orElse(0L);
    }

    private static long rejectedByHandlers(StepExecution step, Supplier<Optional<JobExecution>> previous) {
        long total = step.getExecutionContext().getLong(CommandWriter.REJECTED_BY_HANDLERS, 0L);
        if (total == 0) {
            return 0;
        }
        long before = previous.get().flatMap(earlier -> earlier.getStepExecutions().stream()
                        .filter(s -> s.getStepName().equals(step.getStepName())).findFirst())
                .map(earlier -> earlier.getExecutionContext().getLong(CommandWriter.REJECTED_BY_HANDLERS, 0L))
                .orElse(0L);
        return Math.max(0, total - before);
    }
}
