package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvFileRefused;
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
 * The same pass learns which keys repeat in the file ({@link FileCheck}).
 */
public final class FileCheckTasklet implements Tasklet {

    public static final ExitStatus REFUSED = new ExitStatus("REFUSED", "the input file was refused");

    private final InputFileFacts facts;
    private final FileCheck file;
    private final FileCheck next;

    /**
     * {@code file} may be null: an optional file that was not given. {@code next}, when not null, is the file
     * a later step checks: its check starts now, on another thread (the two files are read at once).
     */
    public FileCheckTasklet(InputFileFacts facts, FileCheck file, FileCheck next) {
        this.facts = facts;
        this.file = file;
        this.next = next;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        if (next != null) {
            next.checkAhead();
        }
        if (file == null) {
            return RepeatStatus.FINISHED;
        }
        boolean passed = false;
        try {
            FileCheck.Checked checked = file.checked();
            facts.recordChecked(job, checked.rows(), checked.encoding(), checked.delimiterName());
            passed = true;
        } catch (CsvFileRefused refused) {
            facts.recordRefused(job, refused.reason(), refused.line(), refused.getMessage());
            contribution.setExitStatus(REFUSED);
        } finally {
            if (!passed && next != null) {
                next.cancel(); // the run ends here
            }
        }
        return RepeatStatus.FINISHED;
    }
}
