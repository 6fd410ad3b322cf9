package io.catalogbatch.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @TempDir
    Path folder;

    @Test
    void counts_the_rows_a_parse_finds_in_files_this_program_writes() throws IOException {
        List<List<String>> rows = List.of(
                List.of("plain", "row"),
                List.of("a description\nover two lines", "x"),
                List.of("\"quoted\", with a comma", "y\r\nz"),
                List.of("", ""),
                List.of("日本語 « naïve »", "\"\""));
        for (String separator : List.of("\n", "\r\n")) {
            for (boolean bom : List.of(false, true)) {
                Path file = write(separator, bom, rows);
                assertThat(ReportFiles.count(file)).as("%s bom %s", separator.length(), bom)
                        .isEqualTo(ReportFiles.read(file, 0).rows()).isEqualTo(rows.size());
            }
        }
    }

    @Test
    void a_missing_file_a_header_only_and_a_last_line_without_its_line_feed() throws IOException {
        assertThat(ReportFiles.count(folder.resolve("none.csv"))).isZero();
        Path header = Files.writeString(folder.resolve("header.csv"), "a,b\n");
        assertThat(ReportFiles.count(header)).isZero();
        Path empty = Files.writeString(folder.resolve("empty.csv"), "");
        assertThat(ReportFiles.count(empty)).isZero();
        Path unterminated = Files.writeString(folder.resolve("cut.csv"), "a,b\n1,2\n3,\"x\ny\"");
        assertThat(ReportFiles.count(unterminated)).isEqualTo(2).isEqualTo(ReportFiles.read(unterminated, 0).rows());
    }

    private Path write(String separator, boolean bom, List<List<String>> rows) throws IOException {
        StringWriter text = new StringWriter();
        if (bom) {
            text.append('\uFEFF');
        }
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator(separator).get())) {
            printer.printRecord("first", "second");
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        Path file = folder.resolve("report-" + separator.length() + bom + ".csv");
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        return file;
    }
}
