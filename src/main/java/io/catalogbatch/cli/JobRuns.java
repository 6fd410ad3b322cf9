package io.catalogbatch.cli;

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
 * the same input is restarted where it stopped; a completed one is run anew (a re-import is a no-op).
 */
final class JobRuns {

    static final String ATTEMPT = "attempt";

    private JobRuns() {
    }

    /** Runs the job; {@code input} identifies what it works on (files and their content hashes). */
    static JobExecution run(ConfigurableApplicationContext context, String jobName, JobParameters input)
            throws Exception {
        JobRepository repository = context.getBean(JobRepository.class);
        JobOperator operator = context.getBean(JobOperator.class);
        Job job = context.getBean(jobName, Job.class);
        for (long attempt = 1; ; attempt++) {
            JobParameters parameters = new JobParametersBuilder(input).addLong(ATTEMPT, attempt).toJobParameters();
            JobExecution last = repository.getLastJobExecution(jobName, parameters);
            if (last == null) {
                return operator.start(job, parameters);
            }
            if (last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
                continue;
            }
            if (last.isRunning()) {
                // The catalog's lock is ours, so the process that left this execution running is gone.
                operator.recover(last);
            }
            return operator.start(job, parameters);
        }
    }
}
