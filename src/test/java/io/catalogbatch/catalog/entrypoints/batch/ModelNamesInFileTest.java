package io.catalogbatch.catalog.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.shared.csv.CsvReadOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelNamesInFileTest {

    @TempDir
    Path folder;

    /** The catalog holds the even-numbered models; every lookup is recorded. */
    final List<Collection<String>> lookups = new ArrayList<>();

    Set<String> storedAmong(Collection<String> keys) {
        lookups.add(List.copyOf(keys));
        return keys.stream().filter(key -> Integer.parseInt(key.substring(2)) % 2 == 0).collect(Collectors.toSet());
    }

    @Test
    void asks_the_catalog_about_many_rows_at_once_and_counts_only_models_it_does_not_hold() throws IOException {
        StringBuilder csv = new StringBuilder("name,description,status,successor\n");
        csv.append("M-0000,first,deprecated,M-2499\n"); // names a model further down
        for (int i = 1; i < 2_500; i++) {
            csv.append(String.format("M-%04d,row %d,,%n", i, i));
        }
        csv.append("bad name\u0001,an invalid row adds no model,,\n");
        Path file = Files.writeString(folder.resolve("models.csv"), csv, StandardCharsets.UTF_8);
        ModelNamesInFile names = new ModelNamesInFile(file, new CsvReadOptions(StandardCharsets.UTF_8,
                ImportCatalogJobConfiguration.MODEL_COLUMNS, Set.of("name")), this::storedAmong);

        assertThat(names.displayName("m-2499")).hasValue("M-2499");
        assertThat(names.displayName("m-0001")).hasValue("M-0001");
        assertThat(names.displayName("m-0002")).isEmpty(); // the catalog holds it: not a model the file adds
        assertThat(names.displayName("m-9999")).isEmpty();

        assertThat(lookups).hasSize(3); // 2,500 valid rows, 1,000 at a time; then no lookup more
        assertThat(lookups).allSatisfy(keys -> assertThat(keys).hasSizeLessThanOrEqualTo(1_000));
        assertThat(lookups.get(0)).startsWith("m-0000", "m-0001");
    }
}
