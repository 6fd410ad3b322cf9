package io.catalogbatch.allocation.entrypoints.batch;

import io.catalogbatch.runs.ReportFiles;
import io.catalogbatch.runs.RunCounts;
import io.catalogbatch.runs.RunStatus;
import io.catalogbatch.runs.RunSummary;
import io.catalogbatch.runs.RunSummary.FileSummary;
import io.catalogbatch.shared.batch.InputFileFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The end of an allocation run: its {@code summary.json}, with the status and exit code (SPEC §6). */
public final class AllocationSummary {

    private AllocationSummary() {
    }

    /** Writes {@code summary.json} of the run over {@code dir} into {@code folder} and returns what it wrote. */
    public static RunSummary write(JobExecution run, Path dir, Path folder) throws IOException {
        ExecutionContext job = run.getExecutionContext();
        List<FileSummary> files = new ArrayList<>();
        for (InputFileFacts facts : AllocateJob.FILES) {
            Path path = dir.resolve(facts.role() + ".csv");
            if (!facts.refusal(job).isEmpty()) {
                files.add(FileSummary.refusedFile(facts.role(), path.toString(), facts.refusal(job),
                        facts.refusalLine(job), facts.refusalMessage(job), "", ""));
            } else if (facts.rows(job) >= 0) {
                String errors = facts.role() + ".errors.csv";
                long rejected = ReportFiles.count(folder.resolve(errors));
                files.add(new FileSummary(facts.role(), path.toString(),
                        RunCounts.ofWholeFile(facts.rows(job), rejected), facts.encoding(job), facts.delimiter(job),
                        rejected > 0 ? errors : ""));
            }
        }
        boolean failed = run.getStatus() != BatchStatus.COMPLETED;
        boolean refused = files.stream().anyMatch(FileSummary::refused);
        long rejected = files.stream().mapToLong(FileSummary::rejected).sum();
        RunStatus status = RunStatus.of(false, failed, refused, rejected);
        long changes = ReportFiles.count(folder.resolve("changes.csv"));
        LocalDateTime finished = run.getEndTime() == null ? LocalDateTime.now() : run.getEndTime();
        double seconds = Duration.between(run.getStartTime(), finished).toMillis() / 1000.0;
        RunSummary summary = new RunSummary("allocate", status.word(), status.exitCode(), false, dir.toString(), "",
                run.getStartTime().toString(), finished.toString(), seconds, changes, folder.toString(), files);
        summary.writeTo(folder);
        return summary;
    }
}
