package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.runs.ReportFiles;
import io.catalogbatch.runs.RunSummary;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A catalog of values a spreadsheet program is tempted to change (issue #21 item 6), its spreadsheet-flavour export,
 * and an import of the files as a program saved them back: what the import said, and the catalog after it.
 */
final class SpreadsheetRoundTrip {

    /** name, description, task, framework, license, url, created, status, successor: raw CSV, no revision. */
    static final String MODELS = "name,description,task,framework,license,url,created,status,successor\r\n"
            + "007,- first point,fill-mask,pytorch,3.0,,2024-02-29,active,\r\n"
            + "00123,+49 30 1234567,1/2,(123),\"1,000\",https://example.org/a?b=1&c=2,2023-01-02,deprecated,007\r\n"
            + "1e5,-5,50%,0.10,,,,archived,\r\n"
            + "12345678901234567890,long digits,,,,,,active,\r\n"
            + "=1+2,=SUM(A1:A2),@handle,TRUE,,,,active,\r\n"
            + "-negative-name,\"line one\r\nline two\nline three\",,,,,,active,\r\n"
            + "agent,'quoted at start,,0.10,3.0,,2024-02-29,deprecated,007\r\n"
            + "émile 日本語 😀,  leading and trailing  ,\"\"\"quoted\"\"\",,,,,deprecated,bert\r\n"
            + "bert,\"Says \"\"hi\"\", twice\",,,apache-2.0,https://example.org/bert,2024-01-02,active,\r\n"
            + "'=already,'@x,,,,,,active,\r\n";
    static final String TAGS = "model,tag\r\nbert,nlp\r\nbert,über\r\nbert,1e5\r\nagent,agents\r\nagent,3.0\r\n"
            + "agent,2024-02-29\r\némile 日本語 😀,emoji\r\n";

    private SpreadsheetRoundTrip() {
    }

    /** A new folder catalog holding {@link #MODELS} and {@link #TAGS}. */
    static String hostileCatalog(Path work) throws IOException {
        Path in = Files.createDirectories(work.resolve("in"));
        Files.writeString(in.resolve("models.csv"), MODELS);
        Files.writeString(in.resolve("tags.csv"), TAGS);
        String catalog = work.resolve("catalog").toString();
        Result run = CatalogBatchCli.run("import", "--models", in.resolve("models.csv").toString(), "--tags",
                in.resolve("tags.csv").toString(), "--catalog", catalog, "--report", work.resolve("in-report").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        return catalog;
    }

    /** {@code export} with no option (the spreadsheet flavour) into a new folder. */
    static Path export(String catalog, Path work, String name) {
        Path out = work.resolve(name);
        Result run = CatalogBatchCli.run("export", "--catalog", catalog, "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        return out;
    }

    /**
     * What a program that changes cells as {@code program} says writes back: every cell through it, no BOM, quotes
     * only where needed, LF line ends (LibreOffice and Gnumeric on Linux).
     */
    static void saveAs(Path file, Path to, UnaryOperator<String> program) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        StringBuilder out = new StringBuilder();
        try (Reader reader = new StringReader(text);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            for (CSVRecord record : CSVFormat.RFC4180.parse(reader)) {
                List<String> cells = new ArrayList<>();
                for (String cell : record) {
                    cells.add(record.getRecordNumber() == 1 ? cell : program.apply(cell));
                }
                printer.printRecord(cells);
            }
        }
        Files.createDirectories(to.getParent());
        Files.writeString(to, out, StandardCharsets.UTF_8);
    }

    /** What a plain {@code import} of the files said, and the catalog after it. */
    record Outcome(int exitCode, String out, String err, RunSummary summary, List<List<String>> rejected,
                   List<List<String>> programChanges, List<List<String>> changes, String catalogAfter) {

        /** The rejected rows as "name: reason", in line order. */
        List<String> rejections() {
            return rejected.stream().map(row -> row.get(0) + ": " + row.get(row.size() - 3)).toList();
        }

        /** The listed cells as "model column: kept -> came back as". */
        List<String> keptCells() {
            return programChanges.stream().map(row -> row.get(1) + " " + row.get(2) + ": " + escaped(row.get(3))
                    + " -> " + escaped(row.get(4))).toList();
        }

        private static String escaped(String value) {
            return value.replace("\r", "\\r").replace("\n", "\\n");
        }
    }

    static Outcome importBack(String catalog, Path models, Path tags, Path work, String name, String... options)
            throws IOException {
        Path report = work.resolve(name);
        List<String> args = new ArrayList<>(List.of("import", "--models", models.toString(), "--tags",
                tags.toString(), "--catalog", catalog, "--report", report.toString()));
        args.addAll(List.of(options));
        Result run = CatalogBatchCli.run(args.toArray(String[]::new));
        return new Outcome(run.exitCode(), run.out(), run.err(), RunSummary.read(report.resolve("summary.json")),
                rows(report.resolve("models.errors.csv")), rows(report.resolve("program-changes.csv")),
                rows(report.resolve("changes.csv")), CatalogBatchCli.rawExport(catalog, work));
    }

    private static List<List<String>> rows(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : ReportFiles.read(file, Integer.MAX_VALUE).first()) {
            rows.add(record.toList());
        }
        return rows;
    }
}
