package io.catalogbatch.shared.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.shared.csv.CsvFileRefused;
import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class CsvRowReaderTest {

    private static final CsvReadOptions MODELS = CsvReadOptions.utf8(Set.of("name", "task"), Set.of("name"));

    @TempDir
    Path folder;

    @Test
    void reads_the_rows_and_keeps_the_count_handed_out_in_the_context() throws IOException {
        Path file = write("\uFEFFname;task\r\na;1\r\n\r\nb;2\r\nc;3\r\n");
        CsvRowReader reader = new CsvRowReader(file, "models", MODELS);
        ExecutionContext context = new ExecutionContext();

        reader.open(context);
        assertThat(reader.encoding()).isEqualTo("UTF-8 with BOM");
        assertThat(reader.delimiterName()).isEqualTo("semicolon");
        CsvRow first = reader.read();
        CsvRow second = reader.read();
        reader.update(context);
        reader.close();

        assertThat(first.line()).isEqualTo(2);
        assertThat(second.line()).isEqualTo(4);
        assertThat(second.get("task")).isEqualTo("2");
        assertThat(context.getLong("models.rows")).isEqualTo(2);
        assertThat(reader.encoding()).as("kept after close").isEqualTo("UTF-8 with BOM");
    }

    @Test
    void goes_on_after_the_rows_an_earlier_execution_committed() throws IOException {
        Path file = write("name\na\nb\n,\nc\nd\n");
        ExecutionContext context = new ExecutionContext();
        context.putLong("models.rows", 2);
        CsvRowReader reader = new CsvRowReader(file, "models", MODELS);

        reader.open(context);
        List<String> rest = new ArrayList<>();
        for (CsvRow row = reader.read(); row != null; row = reader.read()) {
            rest.add(row.line() + ":" + row.get("name"));
        }
        reader.update(context);
        reader.close();

        assertThat(rest).containsExactly("5:c", "6:d");
        assertThat(context.getLong("models.rows")).isEqualTo(4);
    }

    @Test
    void replays_the_committed_rows_to_its_listener_after_telling_it_the_file_is_open() throws IOException {
        Path file = write("name\na\n\nb\nc\n");
        ExecutionContext context = new ExecutionContext();
        context.putLong("models.rows", 2);
        List<String> heard = new ArrayList<>();
        CsvRowReader reader = new CsvRowReader(file, "models", MODELS, new CsvRowReader.Listener() {
            @Override
            public void opened(io.catalogbatch.shared.csv.RowSource source) {
                heard.add("opened " + source.header());
            }

            @Override
            public void replayed(CsvRow row) {
                heard.add("replayed " + row.line() + ":" + row.get("name"));
            }
        });

        reader.open(context);
        CsvRow next = reader.read();
        reader.update(context);
        reader.close();

        assertThat(heard).containsExactly("opened [name]", "replayed 2:a", "replayed 4:b");
        assertThat(next.get("name")).isEqualTo("c");
        assertThat(context.getLong("models.rows")).isEqualTo(3);
    }

    @Test
    void reads_with_two_arguments_as_utf8_without_header_checks() throws IOException {
        CsvRowReader reader = new CsvRowReader(write("model,tag\nbert,nlp\n"), "tags");

        reader.open(new ExecutionContext());
        CsvRow row = reader.read();
        assertThat(reader.read()).isNull();
        reader.close();

        assertThat(row.get("tag")).isEqualTo("nlp");
        assertThat(reader.delimiterName()).isEqualTo("comma");
    }

    @Test
    void refuses_a_structurally_broken_file_on_open() throws IOException {
        CsvRowReader reader = new CsvRowReader(write("task\nnlp\n"), "models", MODELS);

        assertThatThrownBy(() -> reader.open(new ExecutionContext())).isInstanceOf(CsvFileRefused.class)
                .extracting(e -> ((CsvFileRefused) e).reason()).isEqualTo("missing-required-column");
        reader.close();
    }

    @Test
    void needs_to_be_open_to_tell_its_encoding() {
        CsvRowReader reader = new CsvRowReader(folder.resolve("none.csv"), "models", MODELS);

        assertThatThrownBy(reader::encoding).isInstanceOf(IllegalStateException.class);
    }

    private Path write(String text) throws IOException {
        Path file = folder.resolve("input.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
