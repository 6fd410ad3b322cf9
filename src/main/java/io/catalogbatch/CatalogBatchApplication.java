package io.catalogbatch;

import io.catalogbatch.cli.CatalogBatchCommand;
import io.catalogbatch.runs.JobRepositorySchema;
import io.catalogbatch.runs.remote.Worker;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.annotation.Bean;

/**
 * The executable. The command line is parsed first (picocli), so that {@code --help} and usage errors
 * answer at once; a command that runs a job then starts the Spring context it needs, with the catalog
 * and job repository locations the user gave.
 */
@SpringBootApplication
public class CatalogBatchApplication {

    public static void main(String[] args) {
        System.exit(CatalogBatchCommand.execute(args));
    }

    /** Spring Batch's tables, created when missing; Spring Boot's own initializer gives way to it. */
    @Bean
    JobRepositorySchema jobRepositorySchema(DataSource dataSource, BatchJdbcProperties properties,
                                            @Value("${" + Worker.PROPERTY + ":false}") boolean worker) {
        return new JobRepositorySchema(dataSource, properties, !worker);
    }
}
