package io.catalogbatch.catalog.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.shared.csv.CsvReadOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsFileRowsTest {

    @TempDir
    Path folder;

    @Test
    void gives_the_command_of_every_row_the_import_would_pass_on_in_file_order() throws Exception {
        Path file = Files.writeString(folder.resolve("models.csv"), "name,successor,tags\n"
                + "Old,New,\n"
                + "bad name\u0001,,\n" // a control character: an invalid row adds no model
                + "New,,\n"
                + "name,successor,tags\n" // a repeated header: a row the reader flags
                + "tagged,,a;b\n"
                + "too,,many,cells\n", StandardCharsets.UTF_8);
        ModelsFileRows rows = new ModelsFileRows(file, new CsvReadOptions(StandardCharsets.UTF_8,
                ImportCatalogJobConfiguration.MODEL_COLUMNS, Set.of("name")));

        List<String> seen = new ArrayList<>();
        rows.forEachValidRow(command -> seen.add(describe(command)));

        assertThat(seen).containsExactly("Old -> New", "New", "tagged");
        seen.clear();
        rows.forEachValidRow(command -> seen.add(describe(command)));
        assertThat(seen).as("read again from the first row").hasSize(3);
    }

    private static String describe(AddModel command) {
        String successor = command.patch().details().successor();
        return command.name().display() + (successor.isEmpty() ? "" : " -> " + successor);
    }
}
