package io.catalogbatch.runs;

import io.catalogbatch.CatalogBatchApplication;
import io.catalogbatch.shared.jdbc.PgPassword;
import io.catalogbatch.shared.store.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.io.FileUtils;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** Starts the Spring context a command needs, on the catalog and job repository the user named. */
public final class BatchContext {

    private BatchContext() {
    }

    public static ConfigurableApplicationContext start(StoreLocation catalog, boolean writable, boolean verbose)
            throws IOException {
        return start(catalog, writable, verbose, Map.of());
    }

    /**
     * The same, with settings of the command's own: what it must know in memory only, never in a job parameter (a
     * migration's source, password included).
     */
    public static ConfigurableApplicationContext start(StoreLocation catalog, boolean writable, boolean verbose,
                                                       Map<String, String> settings) throws IOException {
        if (!catalog.isDatabase()) {
            Files.createDirectories(catalog.folder().resolve(JobRepositoryLocation.FOLDER));
        }
        return start(catalog, JobRepositoryLocation.of(catalog), writable, verbose, settings);
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
