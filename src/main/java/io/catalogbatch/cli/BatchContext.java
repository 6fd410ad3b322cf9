package io.catalogbatch.cli;

import io.catalogbatch.CatalogBatchApplication;
import io.catalogbatch.shared.batch.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context a command needs, on the catalog and job repository the user named. */
final class BatchContext {

    private BatchContext() {
    }

    static ConfigurableApplicationContext start(StoreLocation catalog, boolean writable, boolean verbose)
            throws IOException {
        if (!catalog.isDatabase()) {
            Files.createDirectories(catalog.folder().resolve(StoreLocation.JOB_REPOSITORY_FOLDER));
        }
        return start(catalog, catalog.jobRepositoryUrl(), writable, verbose);
    }

    /** A context whose job repository lives elsewhere than the catalog's (a dry run's, in its report folder). */
    static ConfigurableApplicationContext start(StoreLocation catalog, String jobRepositoryUrl, boolean writable,
                                                boolean verbose) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", jobRepositoryUrl);
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
