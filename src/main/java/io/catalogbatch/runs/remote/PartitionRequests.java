package io.catalogbatch.runs.remote;

import io.catalogbatch.runs.RunHost;
import io.catalogbatch.runs.RunReportFolder;
import io.catalogbatch.runs.WriterLock;
import io.catalogbatch.shared.faults.FaultPoint;
import io.catalogbatch.shared.jdbc.UrlSecrets;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.commons.io.FileUtils;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.BeanFactory;

/**
 * What a worker does with a partition request, one at a time: Spring Batch's {@code StepExecutionRequestHandler}
 * with the checks it lacks (notes on remote partitioning, pitfalls 8 and 9). A request is dropped, with a line
 * that says why, when it is stale: its partition is unknown, already ended, or of a run that is no longer running,
 * or whose manager no longer holds the catalog's writer lock (a manager killed, not yet resumed). Otherwise the
 * worker claims it ({@link PartitionClaim}: a request delivered again while another worker runs the partition waits
 * for that run to end), reads its state again under the claim, checks again, checks that it sees the input files
 * the manager checked ({@link SameInputFiles}), and runs the step, whose chunks commit the catalog's changes with
 * the step's record. A stop request (SIGTERM) ends the running partition after its chunk (STOPPED: the manager's
 * rerun resumes it) and hands requests that come meanwhile back to the broker.
 */
public final class PartitionRequests {

    private final JobRepository jobRepository;
    private final DataSource dataSource;
    private final BeanFactory steps;
    private final PrintStream out;
    private volatile StepExecution running;
    private volatile boolean stopping;

    public PartitionRequests(JobRepository jobRepository, DataSource dataSource, BeanFactory steps, PrintStream out) {
        this.jobRepository = jobRepository;
        this.dataSource = dataSource;
        this.steps = steps;
        this.out = out;
    }

    /** Runs the partition the request names, or drops it; never throws for a partition that failed. */
    public void handle(StepExecutionRequest request) throws SQLException {
        if (stopping) {
            throw new ImmediateRequeueAmqpException("this worker is stopping: the request goes back to the broker");
        }
        long id = request.getStepExecutionId();
        StepExecution partition = jobRepository.getStepExecution(id);
        Optional<String> stale = staleness(partition);
        if (stale.isPresent()) {
            drop(request, stale.get());
            return;
        }
        try (PartitionClaim claim = PartitionClaim.take(dataSource, id)) {
            partition = jobRepository.getStepExecution(id); // as it is now that no one else may run it
            stale = staleness(partition);
            if (stale.isPresent()) {
                drop(request, stale.get());
                return;
            }
            partition.getExecutionContext().putString(RunningPartitions.WORKER, RunHost.name());
            jobRepository.updateExecutionContext(partition);
            FaultPoint.reach("partition-claimed");
            Optional<String> differentInput = SameInputFiles.problem(partition.getJobExecution().getJobParameters(),
                    RunHost.name());
            if (differentInput.isPresent()) {
                fail(partition, differentInput.get());
                return;
            }
            run(partition, request.getStepName());
        }
    }

    /** Asks the running partition, if any, to stop after its chunk; later requests go back to the broker. */
    public void stopAfterChunk() {
        stopping = true;
        StepExecution now = running;
        if (now != null) {
            now.setTerminateOnly();
        }
    }

    private void run(StepExecution partition, String stepName) {
        out.printf("worker: running partition %s of run %d%n", partition.getStepName(), partition.getJobExecutionId());
        String reportDir = partition.getJobParameters().getString(RunReportFolder.REPORT_DIR);
        JobSynchronizationManager.register(partition.getJobExecution()); // the import's steps are job-scoped
        try {
            if (reportDir != null) {
                RemoteReportFolder.restore(dataSource, reportDir); // as the last commit left it
            }
            Step step = steps.getBean(stepName, Step.class);
            running = partition;
            if (stopping) {
                partition.setTerminateOnly();
            }
            step.execute(partition); // records its own outcome, a failure included
            out.printf("worker: partition %s of run %d ended %s%n", partition.getStepName(),
                    partition.getJobExecutionId(), partition.getStatus());
        } catch (Exception e) {
            fail(partition, "the worker on " + RunHost.name() + " could not run it: " + e.getMessage());
        } finally {
            running = null;
            JobSynchronizationManager.release(); // closes the job-scoped parts, the report files among them
            if (reportDir != null) {
                FileUtils.deleteQuietly(RemoteReportFolder.scratchFor(reportDir).toFile()); // the database has it
            }
        }
    }

    /**
     * Why the request must not run: empty when the partition waits for a worker (STARTING) or was left running by
     * a worker that died (STARTED, unclaimed), in a run its manager still runs.
     */
    private Optional<String> staleness(StepExecution partition) throws SQLException {
        if (partition == null) {
            return Optional.of("the job repository has no such partition");
        }
        JobExecution run = partition.getJobExecution();
        if (partition.getStatus() == BatchStatus.COMPLETED) {
            return Optional.of("it is already completed");
        }
        if (!partition.getStatus().isRunning()) {
            return Optional.of("it ended " + partition.getStatus() + " (a rerun of the import restarts it)");
        }
        if (run.getStatus() == BatchStatus.STOPPING) {
            stopBeforeItBegan(partition);
            return Optional.of("its run is stopping");
        }
        if (run.getStatus() != BatchStatus.STARTED && run.getStatus() != BatchStatus.STARTING) {
            return Optional.of("its run is " + run.getStatus());
        }
        Long session = run.getJobParameters().getLong(WriterLock.SESSION_PARAMETER);
        if (session == null) {
            return Optional.of("its run recorded no writer lock");
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!WriterLock.heldBy(connection, session)) {
                return Optional.of("its manager no longer holds the catalog's writer lock (it was stopped or"
                        + " killed; running the same import again resumes it)");
            }
        }
        return Optional.empty();
    }

    /** A partition nobody began, of a run asked to stop: ended STOPPED, so that its manager stops waiting for it. */
    private void stopBeforeItBegan(StepExecution partition) {
        if (partition.getStatus() == BatchStatus.STARTING) {
            partition.setStatus(BatchStatus.STOPPED);
            partition.setExitStatus(ExitStatus.STOPPED.addExitDescription("stopped before a worker began it"));
            partition.setEndTime(LocalDateTime.now());
            jobRepository.update(partition);
        }
    }

    /** Records the partition FAILED with the reason in its exit description, which the manager's summary shows. */
    private void fail(StepExecution partition, String reason) {
        out.printf("worker: partition %s of run %d failed: %s%n", partition.getStepName(),
                partition.getJobExecutionId(), UrlSecrets.scrubbed(reason));
        if (partition.getStartTime() == null) {
            partition.setStartTime(LocalDateTime.now());
        }
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
        partition.setEndTime(LocalDateTime.now());
        jobRepository.update(partition);
    }

    private void drop(StepExecutionRequest request, String why) {
        out.printf("worker: dropped the request for partition %s (step execution %d): %s%n", request.getStepName(),
                request.getStepExecutionId(), why);
    }
}
