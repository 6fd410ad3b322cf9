package io.catalogbatch.runs;

import io.catalogbatch.runs.remote.RunningPartitions;
import java.time.LocalDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Launches a job so that running the same command again does the right thing: a failed or killed run of
 * the same input is restarted where it stopped (with the report folder it had); a completed one is run
 * anew as the next attempt (a re-import changes nothing).
 */
public final class JobRuns {

    public static final String ATTEMPT = "attempt";

    /** Non-identifying job parameter: the command that launched the run, as {@code history} shows it. */
    public static final String COMMAND = "command";

    /**
     * Non-identifying job parameter: the host that ran the execution, as {@code history} shows it (a database
     * catalog's job repository records every machine's runs). Each execution has its own: a run failed on one
     * machine and resumed on another shows both.
     */
    public static final String HOST = "host";

    /** What running the job now means: its parameters, and the execution it resumes, if any. */
    public record Plan(JobParameters parameters, Optional<JobExecution> resumes) {

        /** A plan that resumes nothing. */
        public static Plan fresh() {
            return new Plan(new JobParameters(), Optional.empty());
        }
    }

    private JobRuns() {
    }

    /** {@code input}: the identifying parameters of the work (catalog, files and their content hashes). */
    public static Plan plan(ConfigurableApplicationContext context, String jobName, JobParameters input) {
        return plan(context, jobName, input, true);
    }

    /**
     * A plan that never resumes: any unfinished run of this input is abandoned and a new attempt starts from
     * the first row. For a dry run, whose changes lived in the memory of the process that ran it.
     */
    public static Plan planAnew(ConfigurableApplicationContext context, String jobName, JobParameters input) {
        return plan(context, jobName, input, false);
    }

    private static Plan plan(ConfigurableApplicationContext context, String jobName, JobParameters input,
                             boolean resume) {
        JobRepository repository = context.getBean(JobRepository.class);
        for (long attempt = 1; ; attempt++) {
            JobParameters parameters = new JobParametersBuilder(input).addLong(ATTEMPT, attempt).toJobParameters();
            JobExecution last = repository.getJobInstance(jobName, parameters) != null
                    ? repository.getLastJobExecution(jobName, parameters)
                    : UnmaskedRuns.adopt(context, jobName, parameters).orElse(null); // recorded with a password
            if (last == null) {
                return new Plan(parameters, Optional.empty());
            }
            boolean unfinished = last.getStatus() != BatchStatus.COMPLETED
                    && last.getStatus() != BatchStatus.ABANDONED;
            if (last.getStatus() == BatchStatus.UNKNOWN || unfinished && !resume) {
                abandon(repository, last);
            } else if (unfinished) {
                return new Plan(parameters, Optional.of(last));
            }
        }
    }

    /**
     * A run whose last chunk could not be rolled back (its commit failed half-way, e.g. on a full disk) ends
     * UNKNOWN, and Spring Batch will not restart it: the catalog may hold that chunk or not. The stores
     * apply rows idempotently, so the safe way on is a new attempt from the first row; the caller holds
     * the catalog's lock, so no live process owns the abandoned run.
     */
    private static void abandon(JobRepository repository, JobExecution unknown) {
        unknown.setStatus(BatchStatus.ABANDONED);
        if (unknown.getEndTime() == null) {
            unknown.setEndTime(LocalDateTime.now());
        }
        repository.update(unknown);
    }

    /**
     * Runs the plan with extra, non-identifying parameters. An execution left running by a killed process
     * is marked failed first: the caller holds the catalog's lock, so no live process owns it. A stop request
     * (SIGTERM, Ctrl-C) stops the run after its current chunk: the execution returned is then STOPPED.
     */
    public static JobExecution launch(ConfigurableApplicationContext context, String jobName, Plan plan,
                               JobParameters extra) throws Exception {
        JobOperator operator = context.getBean(JobOperator.class);
        Job job = context.getBean(jobName, Job.class);
        if (plan.resumes().isPresent()) {
            JobExecution last = context.getBean(JobRepository.class).getJobExecution(plan.resumes().get().getId());
            // A partitioned run stopped or killed leaves partitions STARTING or STARTED: recovered too, unless a
            // worker still runs one (its claim is held), which would then have a second runner.
            if (last.isRunning() || last.getStepExecutions().stream().anyMatch(step -> step.getStatus().isRunning())) {
                RunningPartitions.requireNone(context.getBean(DataSource.class), last);
                operator.recover(last);
            }
        }
        JobParametersBuilder parameters = new JobParametersBuilder(plan.parameters());
        parameters.addString(HOST, RunHost.name(), false);
        String writerSession = context.getEnvironment().getProperty(WriterLock.SESSION_PROPERTY);
        if (writerSession != null) {
            parameters.addLong(WriterLock.SESSION_PARAMETER, Long.parseLong(writerSession), false);
        }
        extra.parameters().forEach(parameters::addJobParameter);
        JobParameters all = parameters.toJobParameters();
        // SIGTERM or Ctrl-C meanwhile stops the job after its chunk (STOPPED: the next run resumes it).
        JobExecution run = GracefulStop.whileRunning(operator, context.getBean(JobRepository.class), jobName,
                () -> operator.start(job, all));
        if (run.getStatus() == BatchStatus.FAILED && run.getAllFailureExceptions().stream()
                .anyMatch(failure -> Failures.connectionLost(failure) != null)) {
            distrust(context.getBean(JobRepository.class), run);
        }
        return run;
    }

    /**
     * A run whose connection to the database was lost in a chunk's commit: its chunk was rolled back by the server
     * (the session died), but Spring Batch, whose own rollback failed on the dead connection, then recorded the
     * step's end on a new connection with the reader's position after that chunk (seen: a resume skipped ten
     * rows). The record cannot be trusted, so the run is marked UNKNOWN, as for a commit that failed half-way:
     * the next run starts a new attempt from the first row, which the stores apply idempotently. The execution
     * returned still says FAILED, for the summary. If the server is still away, this update fails too, and so did
     * the step's: the record stays as the last commit left it (STARTED, a consistent position), which resumes.
     */
    private static void distrust(JobRepository repository, JobExecution run) {
        try {
            run.setStatus(BatchStatus.UNKNOWN);
            repository.update(run);
        } catch (RuntimeException unreachable) {
            // The server is away: see above.
        } finally {
            run.setStatus(BatchStatus.FAILED);
        }
    }
}
