package io.catalogbatch.runs.remote;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.messaging.MessageChannel;

/**
 * The manager's side of a step run on the workers: Spring Batch's remote partitioning in polling mode (the manager
 * sends each partition's step execution id to the broker and reads the partitions' outcomes from the job
 * repository, which manager and workers share in the catalog's database). The step keeps its name, so that the
 * run's record, its counts and {@code history} read as for a run on one machine; its partitions are step executions
 * of the worker's step, {@code <workerStep>:<partition>}.
 *
 * <p>The partitions of a step: one, the whole step (its input file in file order, as on one machine).
 */
public final class WorkerSteps {

    /** The one partition of a step run whole on a worker. */
    public static final String WHOLE = "whole";

    private WorkerSteps() {
    }

    /**
     * A step named {@code name} whose work runs on a worker, as the step {@code workerStep} (a bean of that name in
     * the worker's context). {@code summedKeys}: numbers the worker's step keeps in its execution context that the
     * step's record must show as if it had run here (its reader's position, its count of rows refused).
     */
    public static Step onWorkers(String name, String workerStep, JobRepository jobRepository, MessageChannel requests,
                                 long pollMillis, List<String> summedKeys, StepExecutionListener... listeners) {
        RemotePartitioningManagerStepBuilder step = new RemotePartitioningManagerStepBuilder(name, jobRepository)
                .partitioner(workerStep, new WholeStep())
                .gridSize(1)
                .outputChannel(requests)
                .pollInterval(pollMillis)
                .aggregator(new PartitionTotals(jobRepository, summedKeys));
        for (StepExecutionListener listener : listeners) {
            step.listener(listener);
        }
        return step.build();
    }

    /** One partition, the whole step; named, so that a restart does not plan again. */
    static final class WholeStep implements Partitioner, PartitionNameProvider {

        @Override
        public Map<String, ExecutionContext> partition(int gridSize) {
            return Map.of(WHOLE, new ExecutionContext());
        }

        @Override
        public Collection<String> getPartitionNames(int gridSize) {
            return List.of(WHOLE);
        }
    }

    /**
     * The partitions' outcome as the manager's step: Spring Batch's sums of counts and the worst status, the
     * numbers {@code summedKeys} names added up into the step's context, and a failed partition's reason (what the
     * worker recorded: a file it could not read, a failure in the user's words) as the step's failure, which the
     * run's summary then shows.
     */
    static final class PartitionTotals implements StepExecutionAggregator {

        private final JobRepository jobRepository;
        private final List<String> summedKeys;
        private final DefaultStepExecutionAggregator counts = new DefaultStepExecutionAggregator();

        PartitionTotals(JobRepository jobRepository, List<String> summedKeys) {
            this.jobRepository = jobRepository;
            this.summedKeys = List.copyOf(summedKeys);
        }

        @Override
        public void aggregate(StepExecution result, Collection<StepExecution> executions) {
            JobExecution now = jobRepository.getJobExecution(result.getJobExecutionId());
            List<Long> ids = executions.stream().map(StepExecution::getId).toList();
            List<StepExecution> partitions = now.getStepExecutions().stream()
                    .filter(step -> ids.contains(step.getId())).toList();
            counts.aggregate(result, partitions);
            for (String key : summedKeys) {
                if (partitions.stream().anyMatch(step -> step.getExecutionContext().containsKey(key))) {
                    result.getExecutionContext().putLong(key, partitions.stream()
                            .mapToLong(step -> step.getExecutionContext().getLong(key, 0L)).sum());
                }
            }
            for (StepExecution partition : partitions) {
                if (partition.getStatus() == BatchStatus.FAILED) {
                    result.addFailureException(new PartitionFailed(partition));
                }
            }
        }
    }

    /** A partition that failed on a worker, said with the first line of what the worker recorded. */
    public static final class PartitionFailed extends RuntimeException {
        PartitionFailed(StepExecution partition) {
            super("partition " + partition.getStepName() + " failed on the worker on "
                    + partition.getExecutionContext().getString(RunningPartitions.WORKER, "an unknown machine") + ": "
                    + reason(partition.getExitStatus().getExitDescription()));
        }

        /** The root cause's message of a recorded stack trace ("Caused by: Class: message"), or the text itself. */
        static String reason(String description) {
            if (description == null || description.isBlank()) {
                return "no reason recorded";
            }
            List<String> lines = description.strip().lines().toList();
            String line = lines.get(0);
            for (String later : lines) {
                if (later.startsWith("Caused by: ")) {
                    line = later.substring("Caused by: ".length());
                }
            }
            int colon = line.indexOf(": ");
            return colon > 0 && line.substring(0, colon).matches("[\\w.$]+") ? line.substring(colon + 2) : line;
        }
    }
}
