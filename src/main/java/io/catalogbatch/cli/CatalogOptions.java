package io.catalogbatch.cli;

import io.catalogbatch.shared.store.StoreLocation;
import picocli.CommandLine.Option;

/** Options every catalog command shares. */
final class CatalogOptions {

    @Option(names = "--catalog", paramLabel = "LOC", defaultValue = "./catalog",
            description = "The catalog: a CSV folder or a JDBC URL (jdbc:h2:file:..., jdbc:postgresql:...). "
                    + "Default: ${DEFAULT-VALUE}")
    String catalog;

    @Option(names = "--verbose", description = "Show the framework's log and full stack traces.")
    boolean verbose;

    StoreLocation location() {
        return StoreLocation.of(catalog);
    }
}
