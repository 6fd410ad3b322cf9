package io.catalogbatch.runs;

import io.catalogbatch.CatalogBatchApplication;
import io.catalogbatch.shared.jdbc.PgPassword;
import io.catalogbatch.shared.store.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.io.FileUtils;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** Starts the Spring context a command needs, on the catalog and job repository the user named. */
public final class BatchContext {

    private BatchContext() {
    }

    /**
     * A context on the catalog and its own job repository. To write to a database catalog, its writer lock
     * ({@link WriterLock}) is taken first, before anything is created or upgraded there, and held until the context
     * closes; another run holding it is {@link CatalogInUse}. (A folder is locked by its store when opened.)
     */
    public static ConfigurableApplicationContext start(StoreLocation catalog, boolean writable, boolean verbose)
            throws IOException, SQLException {
        return start(catalog, writable, verbose, Map.of());
    }

    /**
     * The same, with settings of the command's own: what it must know in memory only, never in a job parameter (a
     * migration's source, password included).
     */
    public static ConfigurableApplicationContext start(StoreLocation catalog, boolean writable, boolean verbose,
                                                       Map<String, String> settings)
            throws IOException, SQLException {
        if (!catalog.isDatabase()) {
            Files.createDirectories(catalog.folder().resolve(JobRepositoryLocation.FOLDER));
            return start(catalog, JobRepositoryLocation.of(catalog), writable, verbose, settings);
        }
        Optional<WriterLock> lock = writable ? WriterLock.take(catalog.value()) : Optional.empty();
        try {
            Map<String, String> withSession = new HashMap<>(settings);
            lock.ifPresent(held -> withSession.put(WriterLock.SESSION_PROPERTY, Integer.toString(held.backendPid())));
            ConfigurableApplicationContext context = start(catalog, JobRepositoryLocation.of(catalog), writable,
                    verbose, withSession);
            // Beans are destroyed in the reverse order of their registration: the store, opened later, closes
            // before the lock ends; the data source, made earlier, after.
            lock.ifPresent(held -> ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                    .registerDisposableBean("catalogWriterLock", () -> release(held)));
            return context;
        } catch (RuntimeException e) {
            lock.ifPresent(BatchContext::release);
            throw e;
        }
    }

    private static void release(WriterLock lock) {
        try {
            lock.close();
        } catch (SQLException e) {
            // The session is gone either way, and the server released its lock with it.
        }
    }

    /**
     * A context for a worker of partitioned imports (#23) on a PostgreSQL catalog: it writes, but takes no writer
     * lock of its own; it writes under the lock of the manager whose partition it runs, and checks before each
     * partition that the manager still holds it ({@code runs.remote.PartitionRequests}).
     */
    public static ConfigurableApplicationContext startWorker(StoreLocation catalog, boolean verbose,
                                                             Map<String, String> settings) {
        return start(catalog, JobRepositoryLocation.of(catalog), true, verbose, settings);
    }

    /**
     * A context for a command that only reads the catalog (export, search): for a folder, the job
     * repository Spring Batch insists on is a throw-away H2 file outside it, so reading never writes there.
     */
    public static ConfigurableApplicationContext startReadOnly(StoreLocation catalog, boolean verbose) throws IOException {
        if (catalog.isDatabase()) {
            return start(catalog, JobRepositoryLocation.of(catalog), false, verbose);
        }
        Path scratch = Files.createTempDirectory("catalog-batch-jobs");
        ConfigurableApplicationContext context = start(catalog, JobRepositoryLocation.in(scratch), false, verbose);
        context.addApplicationListener((ContextClosedEvent closed) -> FileUtils.deleteQuietly(scratch.toFile()));
        return context;
    }

    /** A context whose job repository lives elsewhere than the catalog's (a dry run's, in its report folder). */
    public static ConfigurableApplicationContext start(StoreLocation catalog, String jobRepositoryUrl, boolean writable,
                                                boolean verbose) {
        return start(catalog, jobRepositoryUrl, writable, verbose, Map.of());
    }

    private static ConfigurableApplicationContext start(StoreLocation catalog, String jobRepositoryUrl,
                                                        boolean writable, boolean verbose,
                                                        Map<String, String> settings) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("spring.datasource.url", jobRepositoryUrl);
        // A default: spring.datasource.password, from the environment or a system property, still wins.
        PgPassword.forUrl(jobRepositoryUrl).ifPresent(password -> properties.put("spring.datasource.password",
                password));
        properties.put("catalog.location", catalog.value());
        properties.put("catalog.writable", writable);
        if (verbose) {
            properties.put("logging.threshold.console", "INFO");
        }
        return new SpringApplicationBuilder(CatalogBatchApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(properties)
                .run();
    }
}
