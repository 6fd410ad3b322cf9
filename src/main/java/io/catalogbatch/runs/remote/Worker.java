package io.catalogbatch.runs.remote;

import io.catalogbatch.runs.BatchContext;
import io.catalogbatch.runs.GracefulStop;
import io.catalogbatch.shared.store.StoreLocation;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A worker of partitioned imports (#23): takes partition requests from the broker and runs them on the catalog, one
 * at a time, until it is stopped (SIGTERM, Ctrl-C): the partition it runs then ends after its chunk (STOPPED; the
 * manager's rerun resumes it), requests that come meanwhile go back to the broker, and the worker exits.
 */
public final class Worker {

    /** The Spring property that makes a command's context a worker's ({@link WorkerConfiguration}). */
    public static final String PROPERTY = "catalog-batch.worker";

    private final StoreLocation catalog;
    private final Broker broker;
    private final boolean verbose;

    public Worker(StoreLocation catalog, Broker broker, boolean verbose) {
        this.catalog = catalog;
        this.broker = broker;
        this.verbose = verbose;
    }

    /**
     * Runs until stopped.
     *
     * @throws IllegalStateException the catalog's database or the broker cannot be reached (in the user's words)
     */
    public void run(PrintWriter err) throws InterruptedException {
        Map<String, String> settings = new HashMap<>(broker.settings());
        settings.put(PROPERTY, "true");
        try (ConfigurableApplicationContext context = BatchContext.startWorker(catalog, verbose, settings)) {
            requireDatabase(context.getBean(DataSource.class));
            broker.requireReachable(context);
            err.printf("worker: taking partitions from %s (queue %s) for the catalog %s; stop it with SIGTERM or"
                    + " Ctrl-C%n", broker.shown(), broker.queue(), catalog.shown());
            err.flush();
            while (!GracefulStop.pause(Duration.ofMinutes(10))) {
                // runs partitions on the broker's threads meanwhile
            }
            err.println("worker: stopping after the running chunk, if any");
            err.flush();
            context.getBean(PartitionRequests.class).stopAfterChunk();
        }
        err.println("worker: stopped");
    }

    private void requireDatabase(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(0);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the catalog's database " + catalog.shown() + ": "
                    + e.getMessage());
        }
    }
}
