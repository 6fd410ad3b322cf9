package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.service.ForwardReferences;
import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.csv.CsvSource;
import io.catalogbatch.shared.domain.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The models that valid rows of the models file add, by name key with the first spelling: read once, on
 * the first successor that names a model not stored yet (most files never need it).
 */
final class ModelNamesInFile implements ForwardReferences {

    private final Path file;
    private final CsvReadOptions options;
    private Map<String, String> names;

    ModelNamesInFile(Path file, CsvReadOptions options) {
        this.file = file;
        this.options = options;
    }

    @Override
    public Optional<String> displayName(String key) {
        if (names == null) {
            names = read();
        }
        return Optional.ofNullable(names.get(key));
    }

    private Map<String, String> read() {
        Map<String, String> found = new HashMap<>();
        try (CsvSource source = CsvSource.open(file, options)) {
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                if (row.hasProblem()) {
                    continue;
                }
                try {
                    AddModel command = new ModelRow(row).toCommand();
                    found.putIfAbsent(command.name().key(), command.name().display());
                } catch (DomainException invalidRow) {
                    // an invalid row adds no model
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " again", e);
        }
        return found;
    }
}
