package io.catalogbatch.runs.remote;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * What a run resumed after its manager was killed must know before it marks its unfinished partitions failed
 * ({@code JobOperator.recover}): that no worker still runs one. A worker that does holds its {@link PartitionClaim};
 * recovering under it would give that partition a second runner.
 */
public final class RunningPartitions {

    /** Where a worker records its host in the partition's context when it claims it. */
    public static final String WORKER = "worker.host";

    private RunningPartitions() {
    }

    /**
     * Refuses when a worker still runs a partition of {@code execution}; does nothing for a database without
     * PostgreSQL's advisory locks (a folder's or H2's runs are never partitioned).
     *
     * @throws PartitionStillRunning a worker holds the claim of one of its partitions
     */
    public static void requireNone(DataSource dataSource, JobExecution execution) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                return;
            }
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStatus().isRunning() && PartitionClaim.held(connection, step.getId())) {
                    throw new PartitionStillRunning(step.getStepName(),
                            step.getExecutionContext().getString(WORKER, "another machine"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell whether a worker still runs a partition of the interrupted"
                    + " run: " + e.getMessage(), e);
        }
    }

    /** The run cannot be resumed yet: a worker still runs one of its partitions. */
    public static final class PartitionStillRunning extends IllegalStateException {
        PartitionStillRunning(String partition, String worker) {
            super("partition " + partition + " of the interrupted run is still being run by the worker on " + worker
                    + "; let it finish (or stop that worker), then run the same command again");
        }
    }
}
