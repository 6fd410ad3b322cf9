package io.catalogbatch.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.shared.batch.CommandWriter;
import io.catalogbatch.shared.batch.CsvRowReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/** The rows of a run as the job repository recorded them, for {@code summary.json} and {@code history}. */
class RunCountsTest {

    private static final JobInstance INSTANCE = new JobInstance(1L, "importCatalogJob");

    @Test
    void a_file_whose_step_completed_was_read_whole_less_its_rejected_rows() {
        JobExecution run = execution(1L, BatchStatus.COMPLETED);
        step(run, "importModelsStep", BatchStatus.COMPLETED).getExecutionContext()
                .putLong(CsvRowReader.positionKey("models"), 7);

        assertThat(RunCounts.ofFile(run, "importModelsStep", "models", 10, 3))
                .isEqualTo(new RunCounts(10, 7, 3, 0));
    }

    @Test
    void a_file_whose_step_stopped_was_read_as_far_as_its_reader_committed() {
        JobExecution run = execution(1L, BatchStatus.STOPPED);
        step(run, "importModelsStep", BatchStatus.STOPPED).getExecutionContext()
                .putLong(CsvRowReader.positionKey("models"), 4);

        assertThat(RunCounts.ofFile(run, "importModelsStep", "models", 10, 1))
                .isEqualTo(new RunCounts(4, 3, 1, 6));
        assertThat(RunCounts.ofFile(run, "importTagsStep", "tags", 5, 0))
                .as("a step the run did not reach").isEqualTo(new RunCounts(0, 0, 0, 5));
    }

    @Test
    void a_completed_run_without_the_step_read_the_file_whole() {
        JobExecution run = execution(1L, BatchStatus.COMPLETED);

        assertThat(RunCounts.ofFile(run, "importTagsStep", "tags", 5, 0)).isEqualTo(new RunCounts(5, 5, 0, 0));
        assertThat(RunCounts.ofFile(run, "importTagsStep", "tags", -1, 0)).as("rows unknown")
                .isEqualTo(RunCounts.NONE);
    }

    @Test
    void an_execution_counts_the_rows_its_row_steps_committed_and_its_share_of_handler_rejections() {
        JobExecution first = execution(1L, BatchStatus.FAILED);
        StepExecution failed = step(first, "importModelsStep", BatchStatus.FAILED);
        failed.setWriteCount(100);
        failed.getExecutionContext().putLong(CommandWriter.REJECTED_BY_HANDLERS, 2);
        JobExecution resumed = execution(2L, BatchStatus.COMPLETED);
        StepExecution models = step(resumed, "importModelsStep", BatchStatus.COMPLETED);
        models.setWriteCount(50);
        models.setFilterCount(1);
        models.setProcessSkipCount(2);
        models.setWriteSkipCount(3);
        models.getExecutionContext().putLong(CommandWriter.REJECTED_BY_HANDLERS, 5);
        step(resumed, "checkModelsFileStep", BatchStatus.COMPLETED).setWriteCount(1_000);

        RunCounts counts = RunCounts.committedBy(resumed, "importModelsStep"::equals, () -> List.of(first, resumed));

        assertThat(counts).isEqualTo(new RunCounts(56, 47, 9, 0));
        assertThat(RunCounts.committedBy(first, "importModelsStep"::equals, () -> List.of(first, resumed)))
                .isEqualTo(new RunCounts(100, 98, 2, 0));
    }

    /** Runs recorded before are read with the same keys: these strings are job-repository data. */
    @Test
    void the_keys_read_back_are_those_the_steps_have_always_written() {
        assertThat(CsvRowReader.positionKey("models")).isEqualTo("models.rows");
        assertThat(CommandWriter.REJECTED_BY_HANDLERS).isEqualTo("rejected.by.handlers");
    }

    @Test
    void counts_add_up() {
        assertThat(new RunCounts(3, 2, 1, 4).plus(new RunCounts(10, 10, 0, 0))).isEqualTo(new RunCounts(13, 12, 1, 4));
        assertThat(RunCounts.ofWholeFile(8, 3)).isEqualTo(new RunCounts(8, 5, 3, 0));
    }

    @Test
    void a_summarys_file_carries_its_counts_and_only_its_fields(@TempDir Path folder) throws Exception {
        RunSummary.FileSummary file = new RunSummary.FileSummary("models", "m.csv", new RunCounts(4, 3, 1, 6),
                "UTF-8", ",", "models.errors.csv");

        assertThat(RunCounts.of(file)).isEqualTo(new RunCounts(4, 3, 1, 6));
        assertThat(file.skipped()).isEqualTo(6);
        new RunSummary("import", "stopped", 1, false, "c", "merge", "s", "f", 1.0, 0, folder.toString(),
                List.of(file)).writeTo(folder);
        assertThat(Files.readString(folder.resolve("summary.json"))).doesNotContain("\"counts\"")
                .contains("\"errors_file\" : \"models.errors.csv\"");
        assertThat(RunSummary.read(folder.resolve("summary.json")).files()).containsExactly(file);
    }

    private static JobExecution execution(long id, BatchStatus status) {
        JobExecution execution = new JobExecution(id, INSTANCE, new JobParameters());
        execution.setStatus(status);
        return execution;
    }

    private static StepExecution step(JobExecution execution, String name, BatchStatus status) {
        StepExecution step = new StepExecution(name, execution);
        execution.addStepExecution(step);
        step.setStatus(status);
        return step;
    }
}
