package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.runs.RunSummary;
import io.catalogbatch.runs.RunSummary.FileSummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs built to exhaust memory (issue #7): a 1 GB field, 10 million blank lines, 100,000 columns. Each is
 * imported by a JVM of its own with a 96 MB heap; it must end with the right reason code, never with an
 * OutOfMemoryError. The files are written streaming and deleted with the temporary folder.
 */
class BigInputsIT {

    private static final List<String> SMALL_HEAP = List.of("-Xmx96m");
    private static final long GIGABYTE = 1L << 30;

    @TempDir
    Path work;

    @Test
    void a_one_gigabyte_field_refuses_the_file_as_record_too_large() throws IOException {
        assumeTrue(Files.getFileStore(work).getUsableSpace() > 3 * GIGABYTE,
                "needs 3 GB free in the temporary folder for a 1 GB file");
        Path models = work.resolve("huge-field.csv");
        try (OutputStream out = Files.newOutputStream(models)) {
            out.write("name,description\nx,\"".getBytes(StandardCharsets.US_ASCII));
            byte[] megabyte = new byte[1 << 20];
            Arrays.fill(megabyte, (byte) 'a');
            for (int i = 0; i < 1024; i++) {
                out.write(megabyte);
            }
            out.write("\"\n".getBytes(StandardCharsets.US_ASCII));
        }

        FileSummary file = importSmallHeap(models, 1);

        assertThat(file.reason()).isEqualTo("record-too-large");
        assertThat(file.line()).isEqualTo(2);
    }

    @Test
    void ten_million_blank_lines_are_skipped_and_the_row_after_them_keeps_its_line() throws IOException {
        Path models = work.resolve("blank-lines.csv");
        try (Writer out = writer(models)) {
            out.write("name,created\n");
            blankLines(out, 10_000_000);
            out.write("late,15/01/2024\nfine,2024-01-15\n");
        }

        FileSummary file = importSmallHeap(models, ExitCode.REJECTED_ROWS);

        assertThat(file.read()).isEqualTo(2);
        assertThat(file.imported()).isEqualTo(1);
        assertThat(Files.readAllLines(work.resolve("report/models.errors.csv")).get(1))
                .startsWith("late,15/01/2024,10000002,bad-date,created,");
    }

    @Test
    void a_file_of_ten_million_blank_lines_is_an_empty_file() throws IOException {
        Path models = work.resolve("only-blank-lines.csv");
        try (Writer out = writer(models)) {
            blankLines(out, 10_000_000);
        }

        FileSummary file = importSmallHeap(models, ExitCode.FAILED);

        assertThat(file.reason()).isEqualTo("empty-file");
    }

    @Test
    void a_header_of_a_hundred_thousand_columns_is_too_many_columns() throws IOException {
        Path models = work.resolve("wide-header.csv");
        try (Writer out = writer(models)) {
            out.write("name");
            for (int i = 1; i < 100_000; i++) {
                out.write(",column" + i);
            }
            out.write("\nx\n");
        }

        FileSummary file = importSmallHeap(models, ExitCode.FAILED);

        assertThat(file.reason()).isEqualTo("too-many-columns");
        assertThat(file.line()).isEqualTo(1);
    }

    @Test
    void a_row_of_a_hundred_thousand_cells_is_rejected_as_extra_field() throws IOException {
        Path models = work.resolve("wide-row.csv");
        try (Writer out = writer(models)) {
            out.write("name,description\nwide,row");
            for (int i = 0; i < 100_000; i++) {
                out.write(",cell" + i);
            }
            out.write("\nfine,row\n");
        }

        FileSummary file = importSmallHeap(models, ExitCode.REJECTED_ROWS);

        assertThat(file.imported()).isEqualTo(1);
        assertThat(Files.readAllLines(work.resolve("report/models.errors.csv")).get(1)).contains(",2,extra-field,");
    }

    /** Imports the file in a JVM with a 96 MB heap; checks the exit code and that memory did not run out. */
    private FileSummary importSmallHeap(Path models, int exitCode) throws IOException {
        Result result = CatalogBatchProcess.run(work.resolve("process"), SMALL_HEAP, "import", "--models",
                models.toString(), "--catalog", work.resolve("catalog").toString(), "--report",
                work.resolve("report").toString());
        Files.delete(models);
        assertThat(result.out() + result.err()).doesNotContain("OutOfMemoryError", "\tat ");
        assertThat(Files.readString(work.resolve("report/run.log"))).doesNotContain("OutOfMemoryError");
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(exitCode);
        return RunSummary.read(work.resolve("report/summary.json")).files().get(0);
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    private static void blankLines(Writer out, int count) throws IOException {
        char[] lines = new char[10_000];
        Arrays.fill(lines, '\n');
        for (int i = 0; i < count / lines.length; i++) {
            out.write(lines);
        }
    }
}
