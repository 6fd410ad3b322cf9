package io.catalogbatch.runs.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

class PartitionTotalsTest {

    @Test
    void a_failed_partition_is_said_with_the_message_of_what_the_worker_recorded() {
        StepExecution partition = partition();
        partition.getExecutionContext().putString(RunningPartitions.WORKER, "w2");
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription("java.lang.IllegalStateException: the import's"
                + " manager no longer holds the catalog's writer lock\n\tat somewhere(Some.java:1)"));
        assertThat(new WorkerSteps.PartitionFailed(partition)).hasMessage("partition importModelsPart:whole failed"
                + " on the worker on w2: the import's manager no longer holds the catalog's writer lock");
    }

    @Test
    void a_chunks_failure_is_said_by_its_root_cause() {
        assertThat(WorkerSteps.PartitionFailed.reason("org.springframework.batch.core.step.FatalStepExecutionException:"
                + " Unable to process chunk\n\tat a.B.c(B.java:1)\nCaused by: io.catalogbatch.runs.remote."
                + "ManagerAlive$ManagerGone: the import's manager no longer holds the catalog's writer lock\n\tat x"))
                .isEqualTo("the import's manager no longer holds the catalog's writer lock");
    }

    @Test
    void a_reason_in_words_is_kept_whole() {
        StepExecution partition = partition();
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription("the worker on w1 cannot read the models file"
                + " /data/m.csv: there is no such file there"));
        assertThat(new WorkerSteps.PartitionFailed(partition)).hasMessage("partition importModelsPart:whole failed"
                + " on the worker on an unknown machine: the worker on w1 cannot read the models file /data/m.csv:"
                + " there is no such file there");
    }

    @Test
    void the_partition_of_a_step_is_the_whole_step_named_so_that_a_restart_plans_nothing_again() {
        WorkerSteps.WholeStep whole = new WorkerSteps.WholeStep();
        assertThat(whole.partition(4)).containsOnlyKeys(WorkerSteps.WHOLE);
        assertThat(whole.getPartitionNames(4)).containsExactly(WorkerSteps.WHOLE);
    }

    private static StepExecution partition() {
        JobExecution run = new JobExecution(1L, new JobInstance(1L, "importCatalogJob"), new JobParameters());
        return new StepExecution(2L, "importModelsPart:whole", run);
    }
}
