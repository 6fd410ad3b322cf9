package io.catalogbatch;

import io.catalogbatch.cli.CatalogBatchCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;

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
}
