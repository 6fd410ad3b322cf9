package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvFileRefused;
import io.catalogbatch.shared.csv.CsvSource;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Reads a whole input file once for its structure, before any row of it is imported, so that a file
 * broken at its last line is refused whole (nothing from it stored) rather than half imported. Records in
 * the job's execution context what the run summary needs: rows, encoding, delimiter, or the refusal.
 * The same pass learns which keys repeat in the file ({@link ImportedFile#check}).
 */
public final class FileCheckTasklet implements Tasklet {

    public static final ExitStatus REFUSED = new ExitStatus("REFUSED", "the input file was refused");

    private final InputFileFacts facts;
    private final ImportedFile file;

    /** {@code file} may be null: an optional file that was not given. */
    public FileCheckTasklet(InputFileFacts facts, ImportedFile file) {
        this.facts = facts;
        this.file = file;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        if (file == null) {
            return RepeatStatus.FINISHED;
        }
        try (CsvSource source = CsvSource.open(file.file(), file.options())) {
            long rows = file.check(source);
            facts.recordChecked(job, rows, source.encoding(), source.delimiterName());
        } catch (CsvFileRefused refused) {
            facts.recordRefused(job, refused.reason(), refused.line(), refused.getMessage());
            contribution.setExitStatus(REFUSED);
        }
        return RepeatStatus.FINISHED;
    }
}
