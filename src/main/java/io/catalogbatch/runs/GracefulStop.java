package io.catalogbatch.runs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.support.ScopeNotActiveException;
import sun.misc.Signal;

/**
 * SIGTERM (a scheduler stopping the service, {@code kill}) and SIGINT (Ctrl-C) stop a command cleanly: the job
 * that runs is asked to stop, Spring Batch ends it after the chunk it is in (status STOPPED, resumed by running
 * the same command again), the command writes its report and exits with its own exit code; a watcher between
 * two imports just exits. A second signal ends the process at once (such a run is resumed as well).
 *
 * <p>Signal handlers, not a JVM shutdown hook: once the JVM shuts down, H2 closes its databases in a hook of its
 * own (the last chunk could not commit), Spring closes the context under the job, logging stops, a
 * {@code System.exit} from {@code main} blocks for good, and the exit status is 143 whatever the run did.
 * Handled only in the real process (the command line installs it); tests in one JVM call {@link #request()}.
 */
public final class GracefulStop {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);
    private static final Duration LOOK_AGAIN = Duration.ofMillis(50);
    private static final Object LOCK = new Object();

    private static volatile boolean requested;
    /** The job being launched or running, if any; guarded by LOCK. */
    private static Running running;

    private record Running(JobOperator operator, JobRepository repository, String jobName) {
    }

    private GracefulStop() {
    }

    /** Handles SIGTERM and SIGINT for the rest of this process (where the platform has them). */
    public static void install() {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (requested) {
                        Runtime.getRuntime().halt(128 + signal.getNumber());
                    }
                    request();
                });
            } catch (IllegalArgumentException notOnThisPlatform) {
                LOG.debug("no signal {} here", name);
            }
        }
    }

    /** Asks the running job, if any, to stop after its chunk, and every wait of {@link #pause} to end. */
    public static void request() {
        requested = true;
        synchronized (LOCK) {
            LOCK.notifyAll();
        }
        Thread stopper = new Thread(GracefulStop::stopRunningJob, "catalog-batch-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    public static boolean requested() {
        return requested;
    }

    /** Forgets an earlier request: for tests that run several commands in one JVM. */
    public static void reset() {
        requested = false;
    }

    /** Waits for the duration, or less when a stop is requested; returns whether one was. */
    public static boolean pause(Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        synchronized (LOCK) {
            for (long left = duration.toNanos(); !requested && left > 0; left = until - System.nanoTime()) {
                LOCK.wait(Math.max(1, left / 1_000_000));
            }
        }
        return requested;
    }

    /**
     * Runs {@code launch} (which starts a job of that name and returns when it ends) so that a stop request
     * meanwhile stops the job. Refuses to begin when a stop was already requested.
     */
    public static JobExecution whileRunning(JobOperator operator, JobRepository repository, String jobName,
                                     Callable<JobExecution> launch) throws Exception {
        synchronized (LOCK) {
            if (requested) {
                throw new StopRequested();
            }
            running = new Running(operator, repository, jobName);
        }
        try {
            return launch.call();
        } finally {
            synchronized (LOCK) {
                running = null;
            }
        }
    }

    /** The stop came before the run began: nothing was changed. */
    public static final class StopRequested extends Exception {
        StopRequested() {
            super("stopped on request before the run began; nothing changed");
        }
    }

    /**
     * Stops the executions of the running job once they are recorded (a signal may come while the job is being
     * launched), and gives up when the launch has returned.
     */
    private static void stopRunningJob() {
        try {
            while (true) {
                Running now;
                synchronized (LOCK) {
                    now = running;
                }
                if (now == null) {
                    return;
                }
                var executions = now.repository().findRunningJobExecutions(now.jobName());
                if (!executions.isEmpty()) {
                    for (JobExecution execution : executions) {
                        stop(now.operator(), execution);
                    }
                    return;
                }
                Thread.sleep(LOOK_AGAIN.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("could not ask the running job to stop", e);
        }
    }

    private static void stop(JobOperator operator, JobExecution execution) {
        try {
            try {
                operator.stop(execution);
            } catch (ScopeNotActiveException jobScopedSteps) {
                // Spring Batch records the stop first, then looks among the job's steps for tasklets to stop: ours
                // are job-scoped, out of reach from this thread, and need no more than the recorded stop.
                LOG.debug("the steps of execution {} are job-scoped: the recorded stop is enough", execution.getId());
            }
            // Said once the stop is recorded: from here on the job ends after the chunk it is in.
            LOG.info("Stop requested: job execution {} stops after its current chunk", execution.getId());
        } catch (JobExecutionNotRunningException endedMeanwhile) {
            LOG.debug("execution {} ended meanwhile", execution.getId());
        }
    }
}
