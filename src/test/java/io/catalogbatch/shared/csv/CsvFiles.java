package io.catalogbatch.shared.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes test files into a temporary folder and reads them back through {@link CsvSource}. */
final class CsvFiles {

    static final Set<String> MODEL_COLUMNS = Set.of("name", "description", "task", "framework", "license", "url",
            "created", "status", "successor", "revision", "tags");
    static final CsvReadOptions MODELS = CsvReadOptions.utf8(MODEL_COLUMNS, Set.of("name"));
    static final CsvReadOptions ANY = CsvReadOptions.utf8(Set.of(), Set.of());

    private final Path folder;
    private int count;

    CsvFiles(Path folder) {
        this.folder = folder;
    }

    Path text(String content) {
        return bytes(content.getBytes(StandardCharsets.UTF_8));
    }

    Path text(String content, Charset charset) {
        return bytes(content.getBytes(charset));
    }

    Path bytes(byte[] content) {
        Path file = folder.resolve("input-" + ++count + ".csv");
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** All data rows of a file. */
    static List<CsvRow> rows(Path file, CsvReadOptions options) throws IOException {
        try (CsvSource source = CsvSource.open(file, options)) {
            List<CsvRow> rows = new ArrayList<>();
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                rows.add(row);
            }
            return rows;
        }
    }

    /** The refusal met while opening the file and reading all of it, with its reason. */
    static CsvFileRefused refusal(Path file, CsvReadOptions options, String reason) {
        CsvFileRefused refused = catchThrowableOfType(CsvFileRefused.class, () -> rows(file, options));
        assertThat(refused).as("refusal of %s", file).isNotNull();
        assertThat(refused.reason()).as(refused.getMessage()).isEqualTo(reason);
        assertThat(refused.file()).isEqualTo(file);
        assertThat(refused.getMessage()).contains(file.toString());
        return refused;
    }
}
