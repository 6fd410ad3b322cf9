package io.catalogbatch.catalog.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.adapters.xlsx.CatalogWorkbook;
import io.catalogbatch.cli.CatalogBatchCli;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.runs.RunSummary;
import io.catalogbatch.shared.xlsx.Workbooks;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #21: "when the input is a workbook, the errors file is a workbook too ...; fixed, it imports back", through
 * the whole command: an exported workbook edited by a user, imported, its rejected rows fixed in the errors
 * workbook, which is imported in turn. Needs the import of workbooks ({@code import --models FILE.xlsx}, branch
 * {@code xlsx-in}): until it is merged these tests fail, the workbook being refused as input.
 */
class ErrorsWorkbookImportsBackIT {

    static final String MODELS = """
            name,description,created,status,successor,tags
            bert,encoder,2020-01-01,,,nlp;encoder
            clip,vision and text,2021-02-02,,,vision
            gpt,decoder,2019-03-03,,,nlp
            t5,text to text,2019-10-10,,,a;b
            vit,vision transformer,2020-10-10,,,vision
            """;

    @TempDir
    Path work;
    String catalog;
    Path exported;

    @BeforeEach
    void exportACatalog() throws IOException {
        catalog = work.resolve("catalog").toString();
        Path csv = Files.writeString(work.resolve("models.csv"), MODELS);
        Result loaded = CatalogBatchCli.run("import", "--models", csv.toString(), "--catalog", catalog);
        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
        Result export = CatalogBatchCli.run("export", "--flavour", "xlsx", "--catalog", catalog, "--out",
                work.resolve("export").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        exported = work.resolve("export").resolve(CatalogWorkbook.FILE);
    }

    @AfterEach
    void clearSwitches() {
        System.clearProperty("catalog-batch.chunk-size");
        System.clearProperty(FailAfterLine.PROPERTY);
    }

    /** What the user did in the exported workbook: one good edit, four mistakes, a tag removed on a bad row. */
    private Path edited() throws IOException {
        Path edited = work.resolve("edited.xlsx");
        edit(exported, edited, sheet -> {
            set(sheet, "clip", "description", "vision and text, edited");
            set(sheet, "bert", "created", "15/01/2024");
            set(sheet, "gpt", "status", "retired");
            set(sheet, "t5", "successor", "nobody");
            set(sheet, "t5", "tags", "a");
            Row added = sheet.createRow(sheet.getLastRowNum() + 1);
            added.createCell(column(sheet, "name")).setCellValue("new-model");
            added.createCell(column(sheet, "created")).setCellValue("2024-13-45");
        });
        return edited;
    }

    @Test
    void the_rejected_rows_of_a_workbook_come_back_as_a_workbook_that_once_fixed_imports_back() throws Exception {
        Result first = importWorkbook(edited(), "report");

        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(3);
        Path errors = work.resolve("report/models.errors.xlsx");
        assertThat(errors).exists();
        assertThat(work.resolve("report/models.errors.csv")).as("the durable record stays").exists();
        RunSummary summary = RunSummary.read(work.resolve("report/summary.json"));
        assertThat(summary.files().get(0).errorsFile()).isEqualTo("models.errors.xlsx");
        assertThat(summary.files().get(0).rejected()).as(first.err()).isEqualTo(4);
        assertThat(first.err()).contains(errors.toString());
        assertThat(Workbooks.rows(errors, CatalogWorkbook.ABOUT_SHEET).get(0)).containsExactly(CatalogWorkbook.MARK);
        try (XSSFWorkbook book = Workbooks.open(errors)) {
            XSSFSheet sheet = book.getSheet(CatalogWorkbook.MODELS_SHEET);
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            assertThat(Workbooks.highlighted(sheet.getRow(row(sheet, "bert")))).containsExactly(column(sheet,
                    "created"));
            assertThat(Workbooks.note(sheet, row(sheet, "bert"), column(sheet, "created"))).contains("15/01/2024");
            assertThat(Workbooks.highlighted(sheet.getRow(row(sheet, "gpt")))).containsExactly(column(sheet,
                    "status"));
            assertThat(Workbooks.highlighted(sheet.getRow(row(sheet, "t5")))).containsExactly(column(sheet,
                    "successor"));
        }
        assertThat(models().get("clip").get("description")).isEqualTo("vision and text, edited");
        assertThat(tags().get("t5")).as("the rejected row changed no tag").containsExactly("a", "b");

        Path fixed = work.resolve("fixed.xlsx");
        edit(errors, fixed, sheet -> {
            set(sheet, "bert", "created", "2024-01-15");
            set(sheet, "gpt", "status", "deprecated");
            set(sheet, "t5", "successor", "");
            set(sheet, "new-model", "created", "2024-01-01");
        });
        Result again = importWorkbook(fixed, "report-again");

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(work.resolve("report-again/models.errors.xlsx")).doesNotExist();
        Map<String, Map<String, String>> models = models();
        assertThat(models.get("bert").get("created")).isEqualTo("2024-01-15");
        assertThat(models.get("gpt").get("status")).isEqualTo("deprecated");
        assertThat(models.get("new-model").get("created")).isEqualTo("2024-01-01");
        assertThat(models.get("clip").get("description")).isEqualTo("vision and text, edited");
        assertThat(tags().get("t5")).as("the tags cell of a catalog-batch workbook is the whole tag set")
                .containsExactly("a");
        assertThat(tags().get("bert")).as("an untouched tags cell changes nothing")
                .containsExactly("encoder", "nlp");
    }

    @Test
    void a_run_failed_half_way_and_resumed_gives_one_errors_workbook_with_every_reject_once() throws Exception {
        Path edited = edited();
        System.setProperty("catalog-batch.chunk-size", "2");
        System.setProperty(FailAfterLine.PROPERTY, "3"); // clip, a row that reaches the writer

        Result failed = importWorkbook(edited, "report");

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        System.clearProperty(FailAfterLine.PROPERTY);
        Result resumed = importWorkbook(edited, "report");

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(3);
        List<String> lines = new ArrayList<>();
        for (List<String> row : Workbooks.rows(work.resolve("report/models.errors.xlsx"), "models")) {
            lines.add(row.get(row.size() - 4));
        }
        assertThat(lines.subList(1, lines.size())).as(resumed.err()).containsExactlyInAnyOrder("2", "4", "5", "7")
                .doesNotHaveDuplicates();
    }

    private Result importWorkbook(Path workbook, String report) {
        return CatalogBatchCli.run("import", "--models", workbook.toString(), "--catalog", catalog, "--report",
                work.resolve(report).toString());
    }

    private interface Edit {
        void on(XSSFSheet sheet);
    }

    /** Edits the models sheet of a workbook with POI, as a user's program would, into another file. */
    private static void edit(Path from, Path to, Edit edit) throws IOException {
        try (XSSFWorkbook book = Workbooks.open(from)) {
            edit.on(book.getSheet(CatalogWorkbook.MODELS_SHEET));
            try (OutputStream out = Files.newOutputStream(to)) {
                book.write(out);
            }
        }
    }

    /**
     * Types a value into a cell, as a program saves it: a new cell with the old one's style. (POI's setCellValue on an
     * inline string cell writes a {@code <v>} beside the {@code <is>} it keeps, which readers take as the value.)
     */
    private static void set(XSSFSheet sheet, String name, String column, String value) {
        Row row = sheet.getRow(row(sheet, name));
        int c = column(sheet, column);
        Cell old = row.getCell(c);
        CellStyle style = old == null ? sheet.getColumnStyle(c) : old.getCellStyle();
        if (old != null) {
            row.removeCell(old);
        }
        Cell typed = row.createCell(c);
        typed.setCellStyle(style);
        typed.setCellValue(value);
    }

    private static int row(XSSFSheet sheet, String name) {
        int nameColumn = column(sheet, "name");
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(nameColumn) != null
                    && row.getCell(nameColumn).getStringCellValue().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + name);
    }

    private static int column(XSSFSheet sheet, String header) {
        Row first = sheet.getRow(0);
        for (int c = 0; c < first.getLastCellNum(); c++) {
            if (first.getCell(c).getStringCellValue().equals(header)) {
                return c;
            }
        }
        throw new AssertionError("no column " + header);
    }

    /** The catalog's models by name, each as column to value, from its raw export. */
    private Map<String, Map<String, String>> models() throws IOException {
        Map<String, Map<String, String>> models = new HashMap<>();
        for (CSVRecord record : exportedRecords("models.csv")) {
            models.put(record.get("name"), record.toMap());
        }
        return models;
    }

    private Map<String, TreeSet<String>> tags() throws IOException {
        Map<String, TreeSet<String>> tags = new TreeMap<>();
        for (CSVRecord record : exportedRecords("tags.csv")) {
            tags.computeIfAbsent(record.get("model"), m -> new TreeSet<>()).add(record.get("tag"));
        }
        return tags;
    }

    private List<CSVRecord> exportedRecords(String file) throws IOException {
        Path out = Files.createTempDirectory(work, "raw");
        Result export = CatalogBatchCli.run("export", "--catalog", catalog, "--flavour", "raw", "--out",
                out.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        try (Reader reader = Files.newBufferedReader(out.resolve(file));
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return parser.getRecords();
        }
    }
}
