package io.catalogbatch.catalog.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code import --models FILE.xlsx} end to end (#21 item 3): an xlsx export imported back changes nothing; into an
 * empty catalog it gives what the raw export gives; a user's edits land exactly; in a workbook exported by
 * catalog-batch the tags cell is the model's whole tag set; reports name the sheet's rows; a failed run resumes;
 * what is no xlsx workbook is refused and stores nothing.
 */
class WorkbookImportIT {

    /** Values a spreadsheet is tempted to read as numbers, dates or formulas; LF line breaks (CR LF is #21 item 4). */
    static final String HOSTILE_MODELS = "name,description,task,framework,license,url,created,status,successor,tags\n"
            + "007,- first point,fill-mask,pytorch,3.0,,2024-02-29,active,,nlp;über\n"
            + "00123,+49 30 1234567,1/2,(123),\"1,000\",https://example.org/a?b=1&c=2,2023-01-02,deprecated,007,\n"
            + "1e5,-5,50%,0.10,,,,archived,,x\n"
            + "12345678901234567890,'quoted at start,,,,,,active,,\n"
            + "=1+2,=SUM(A1:A2),@handle,TRUE,,,,active,,formula\n"
            + "-negative-name,\"line one\nline two\",,,,,,active,,\n"
            + "carriage-return,\"first line\r\nsecond line\",,,,,,active,,\n"
            + "longest-description," + "d".repeat(32_767) + ",,,,,,active,,\n"
            + "émile 日本語 😀,\"  leading and trailing  \",\"\"\"quoted\"\"\",,,,,deprecated,,emoji\n";

    @TempDir
    Path work;

    @AfterEach
    void clearSwitches() {
        System.clearProperty("catalog-batch.chunk-size");
        System.clearProperty(FailAfterLine.PROPERTY);
    }

    String catalog(String store, String name) {
        return switch (store) {
            case "csv" -> work.resolve(name).toString();
            case "h2" -> "jdbc:h2:file:" + work.resolve(name).resolve("catalog").toAbsolutePath();
            default -> throw new IllegalArgumentException(store);
        };
    }

    /** A catalog of the samples and the hostile models. */
    String seeded(String store, String name) throws IOException {
        String catalog = catalog(store, name);
        Path repo = Path.of("").toAbsolutePath();
        Result samples = importing(catalog, "seed-samples", "--models", repo.resolve("samples/models.csv").toString(),
                "--tags", repo.resolve("samples/tags.csv").toString());
        assertThat(samples.exitCode()).as(samples.out() + samples.err()).isIn(0, 3); // the samples reject a few rows
        Path hostile = Files.writeString(work.resolve("hostile.csv"), HOSTILE_MODELS);
        ok(importing(catalog, "seed-hostile", "--models", hostile.toString()));
        return catalog;
    }

    Result importing(String catalog, String report, String... files) {
        List<String> args = new ArrayList<>(List.of("import", "--catalog", catalog, "--report",
                work.resolve(report).toString()));
        args.addAll(List.of(files));
        return CatalogBatchCli.run(args.toArray(String[]::new));
    }

    static Result ok(Result result) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        return result;
    }

    Path exportXlsx(String catalog, String folder) {
        Path out = work.resolve(folder);
        ok(CatalogBatchCli.run("export", "--catalog", catalog, "--flavour", "xlsx", "--out", out.toString()));
        return out.resolve("catalog.xlsx");
    }

    @ParameterizedTest(name = "{0} store")
    @ValueSource(strings = {"csv", "h2"})
    void an_xlsx_export_imported_into_the_same_catalog_changes_nothing(String store) throws IOException {
        String catalog = seeded(store, "catalog");
        String before = CatalogBatchCli.rawExport(catalog, work);
        Path xlsx = exportXlsx(catalog, "export");

        int models = rawModels(catalog).size();

        Result back = ok(importing(catalog, "report", "--models", xlsx.toString()));

        assertThat(back.out()).contains(String.format("catalog.xlsx: %d rows read, %d imported, 0 rejected (xlsx, "
                + "sheet \"models\")", models, models)).contains("0 changes to");
        assertThat(CatalogBatchCli.rawExport(catalog, work)).isEqualTo(before);
    }

    /**
     * Every row of an export carries the revision it was exported at: in an empty catalog that is a revision of a
     * name the catalog lacks, which a file that came back from a spreadsheet program may not add (#21 item 4: `007`
     * come back as `7`). Without those revisions the workbook gives what the raw export gives.
     */
    @ParameterizedTest(name = "{0} store")
    @ValueSource(strings = {"csv", "h2"})
    void an_xlsx_export_into_an_empty_catalog_adds_nothing_and_without_its_revisions_gives_the_raw_exports_catalog(
            String store) throws IOException {
        String catalog = seeded(store, "catalog");
        Path xlsx = exportXlsx(catalog, "export");
        Path raw = work.resolve("raw");
        ok(CatalogBatchCli.run("export", "--catalog", catalog, "--flavour", "raw", "--out", raw.toString()));
        String refused = catalog(store, "refused");
        String fromRaw = catalog(store, "from-raw");
        String fromXlsx = catalog(store, "from-xlsx");

        Result rejected = importing(refused, "refused-report", "--models", xlsx.toString());
        ok(importing(fromRaw, "raw-report", "--models", raw.resolve("models.csv").toString(), "--tags",
                raw.resolve("tags.csv").toString()));
        ok(importing(fromXlsx, "xlsx-report", "--models",
                withoutRevisions(xlsx, work.resolve("no-revisions").resolve("catalog.xlsx")).toString()));

        assertThat(rejected.exitCode()).as(rejected.err()).isEqualTo(3);
        assertThat(rejected.out()).contains(" 0 imported, ");
        assertThat(rejected.err()).contains("unknown-model").contains("probably changed");
        assertThat(CatalogBatchCli.rawExport(fromXlsx, work)).isEqualTo(CatalogBatchCli.rawExport(fromRaw, work));
    }

    /** The workbook with its revision cells removed, as a user who adds the rows as new models would. */
    static Path withoutRevisions(Path exported, Path edited) throws IOException {
        Files.createDirectories(edited.getParent());
        try (InputStream in = Files.newInputStream(exported); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("models");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            int revision = header.indexOf("revision");
            for (Row row : sheet) {
                Cell cell = row.getRowNum() == 0 ? null : row.getCell(revision);
                if (cell != null) {
                    row.removeCell(cell);
                }
            }
            try (OutputStream out = Files.newOutputStream(edited)) {
                workbook.write(out);
            }
        }
        return edited;
    }

    @Test
    void in_replace_mode_an_edited_export_sets_the_listed_models_tags_to_their_cells() throws IOException {
        String catalog = seeded("h2", "catalog");
        Set<String> tagsBefore = rawTags(catalog);
        Path xlsx = exportXlsx(catalog, "export");
        Result same = ok(importing(catalog, "same", "--models", xlsx.toString(), "--mode", "replace"));
        assertThat(same.out()).contains("0 changes to");
        Path edited = edit(xlsx, true);

        ok(importing(catalog, "report", "--models", edited.toString(), "--mode", "replace"));

        Set<String> tagsAfter = rawTags(catalog);
        assertThat(difference(tagsBefore, tagsAfter)).containsExactlyInAnyOrder(
                "acme-labs/bert-base-uncased-finetuned-sst2,sentiment", "007,nlp", "007,über");
        assertThat(difference(tagsAfter, tagsBefore)).containsExactly("acme-labs/new-model,fresh");
    }

    @Test
    void a_users_edits_land_exactly_and_the_tags_cell_is_the_whole_tag_set() throws IOException {
        String catalog = seeded("csv", "catalog");
        List<CSVRecord> modelsBefore = rawModels(catalog);
        Set<String> tagsBefore = rawTags(catalog);
        Path edited = edit(exportXlsx(catalog, "export"), true);

        Result result = ok(importing(catalog, "report", "--models", edited.toString()));

        assertThat(result.out()).contains("catalog.xlsx: " + modelsBefore.size() + " rows read");
        assertThat(changedModels(modelsBefore, rawModels(catalog))).containsExactlyInAnyOrder(
                "acme-labs/bert-base-uncased-finetuned-sst2", "acme-labs/resnet50-food101",
                "northwind/whisper-small-nl", "acme-labs/new-model");
        Set<String> tagsAfter = rawTags(catalog);
        assertThat(difference(tagsBefore, tagsAfter)).containsExactlyInAnyOrder(
                "acme-labs/bert-base-uncased-finetuned-sst2,sentiment", "007,nlp", "007,über");
        assertThat(difference(tagsAfter, tagsBefore)).containsExactly("acme-labs/new-model,fresh");
        CSVRecord whisper = model(rawModels(catalog), "northwind/whisper-small-nl");
        assertThat(whisper.get("status")).isEqualTo("deprecated");
        assertThat(whisper.get("successor")).isEqualTo("acme-labs/bert-base-uncased-finetuned-sst2");
    }

    @Test
    void in_a_workbook_without_the_mark_the_tags_cell_adds_tags_as_in_csv() throws IOException {
        String catalog = seeded("csv", "catalog");
        Set<String> tagsBefore = rawTags(catalog);
        Path edited = edit(exportXlsx(catalog, "export"), false);

        ok(importing(catalog, "report", "--models", edited.toString()));

        Set<String> tagsAfter = rawTags(catalog);
        assertThat(difference(tagsBefore, tagsAfter)).isEmpty();
        assertThat(difference(tagsAfter, tagsBefore)).containsExactly("acme-labs/new-model,fresh");
    }

    /**
     * The edits of a business user, made with POI: a description, a licence, a deprecation with its successor, a
     * new row, a tag deleted from a tags cell, a tags cell emptied, a row deleted (which changes nothing).
     * {@code keepMark}: false deletes the about sheet, as a user who tidies the workbook might.
     */
    Path edit(Path exported, boolean keepMark) throws IOException {
        return edit(exported, work.resolve("edited").resolve("catalog.xlsx"), keepMark);
    }

    static Path edit(Path exported, Path edited, boolean keepMark) throws IOException {
        Files.createDirectories(edited.getParent());
        try (InputStream in = Files.newInputStream(exported); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("models");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            Row bert = rowOf(sheet, "acme-labs/bert-base-uncased-finetuned-sst2");
            cell(bert, header, "description").setCellValue("BERT base, fine-tuned on SST-2 (edited).");
            String tags = bert.getCell(header.indexOf("tags")).getStringCellValue();
            List<String> kept = new ArrayList<>(List.of(tags.split(";")));
            assertThat(kept.remove("sentiment")).isTrue();
            cell(bert, header, "tags").setCellValue(String.join(";", kept));
            cell(rowOf(sheet, "acme-labs/resnet50-food101"), header, "license").setCellValue("mit");
            Row whisper = rowOf(sheet, "northwind/whisper-small-nl");
            cell(whisper, header, "status").setCellValue("deprecated");
            cell(whisper, header, "successor").setCellValue("acme-labs/bert-base-uncased-finetuned-sst2");
            cell(rowOf(sheet, "007"), header, "tags").setCellValue("");
            Row deleted = rowOf(sheet, "1e5");
            sheet.removeRow(deleted);
            Row added = sheet.createRow(sheet.getLastRowNum() + 1);
            cell(added, header, "name").setCellValue("acme-labs/new-model");
            cell(added, header, "description").setCellValue("Added in the spreadsheet.");
            cell(added, header, "tags").setCellValue("fresh");
            if (!keepMark) {
                workbook.removeSheetAt(workbook.getSheetIndex("about"));
            }
            try (OutputStream out = Files.newOutputStream(edited)) {
                workbook.write(out);
            }
        }
        return edited;
    }

    static Row rowOf(Sheet sheet, String name) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no row " + name);
    }

    /**
     * The cell of a column, made anew: POI's {@code setCellValue} on an inline string cell writes the new text
     * beside the old one ({@code <v>} and {@code <is>}), which no spreadsheet program does; a program reads the
     * {@code <is>}, and so does the import.
     */
    static Cell cell(Row row, List<String> header, String column) {
        int index = header.indexOf(column);
        Cell old = row.getCell(index);
        CellStyle style = old == null ? null : old.getCellStyle();
        if (old != null) {
            row.removeCell(old);
        }
        Cell cell = row.createCell(index);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    List<CSVRecord> rawModels(String catalog) throws IOException {
        Path out = Files.createTempDirectory(work, "raw");
        ok(CatalogBatchCli.run("export", "--catalog", catalog, "--flavour", "raw", "--out", out.toString()));
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(out.resolve("models.csv"))).getRecords();
    }

    Set<String> rawTags(String catalog) throws IOException {
        Path out = Files.createTempDirectory(work, "raw");
        ok(CatalogBatchCli.run("export", "--catalog", catalog, "--flavour", "raw", "--out", out.toString()));
        Set<String> tags = new LinkedHashSet<>(Files.readAllLines(out.resolve("tags.csv")));
        tags.remove("model,tag");
        return tags;
    }

    static CSVRecord model(List<CSVRecord> models, String name) {
        return models.stream().filter(model -> model.get("name").equals(name)).findFirst().orElseThrow();
    }

    /** The names of the models added or whose values (revision aside) differ. */
    static Set<String> changedModels(List<CSVRecord> before, List<CSVRecord> after) {
        Set<String> changed = new LinkedHashSet<>();
        for (CSVRecord now : after) {
            CSVRecord then = before.stream().filter(model -> model.get("name").equals(now.get("name"))).findFirst()
                    .orElse(null);
            if (then == null) {
                changed.add(now.get("name"));
                continue;
            }
            for (String column : now.getParser().getHeaderNames()) {
                if (!column.equals("revision") && !now.get(column).equals(then.get(column))) {
                    changed.add(now.get("name"));
                }
            }
        }
        return changed;
    }

    static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }

    // ------------------------------------------------------------------------------------------ made by hand

    /** A workbook a user made: the header in row 1, a blank row, rows that break rules in known rows. */
    Path handMade() throws IOException {
        Path file = work.resolve("models.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("models");
            values(sheet.createRow(0), "name", "license", "created", "tags");
            values(sheet.createRow(1), "good", "mit", "2024-01-02", "a;b");
            values(sheet.createRow(3), "formula");
            sheet.getRow(3).createCell(1).setCellFormula("\"m\"&\"it\"");
            values(sheet.createRow(4), "bad-date", "mit", "2024-02-30");
            values(sheet.createRow(6), "GOOD", "apache-2.0");
            workbook.write(out);
        }
        return file;
    }

    static void values(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    @Test
    void rejected_rows_are_reported_with_the_sheets_row_numbers() throws IOException {
        String catalog = catalog("csv", "catalog");

        Result result = importing(catalog, "report", "--models", handMade().toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(3);
        assertThat(result.out()).contains("models.xlsx: 4 rows read, 1 imported, 3 rejected (xlsx, sheet \"models\")");
        assertThat(result.err()).contains("models.xlsx row 4, column license: the cell in column \"license\" is a "
                + "formula: type the value, not a formula").contains("(bad-value)")
                .contains("models.xlsx row 5, column created")
                .contains("models.xlsx row 7, column name: row 2 already has this name; the first row wins");
        List<CSVRecord> errors = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(work.resolve("report/models.errors.csv"))).getRecords();
        assertThat(errors).extracting(error -> error.get("error_line") + " " + error.get("error_reason"))
                .containsExactly("4 bad-value", "5 bad-date", "7 duplicate");
        assertThat(errors.get(1).get(0)).as("the row's own cells first").isEqualTo("bad-date");
    }

    @Test
    void a_run_that_failed_midway_resumes_and_ends_like_an_uninterrupted_one() throws IOException {
        System.setProperty("catalog-batch.chunk-size", "20");
        Path file = work.resolve("many.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("models");
            values(sheet.createRow(0), "name", "description", "tags");
            for (int i = 1; i <= 150; i++) {
                values(sheet.createRow(i + i / 50), "org/model-" + i, "model " + i, "t" + i % 7 + ";shared");
            }
            workbook.write(out);
        }
        String reference = catalog("csv", "reference");
        ok(importing(reference, "reference-report", "--models", file.toString()));
        String interrupted = catalog("csv", "interrupted");
        System.setProperty(FailAfterLine.PROPERTY, "97");

        Result failed = importing(interrupted, "report", "--models", file.toString());

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(failed.err()).contains("fault injected after line 97");
        System.clearProperty(FailAfterLine.PROPERTY);
        Result resumed = ok(importing(interrupted, "report", "--models", file.toString()));
        assertThat(resumed.out()).contains("150 rows read");
        assertThat(CatalogBatchCli.rawExport(interrupted, work)).isEqualTo(CatalogBatchCli.rawExport(reference, work));
    }

    @Test
    void a_tags_workbook_is_read_from_its_tags_sheet() throws IOException {
        String catalog = catalog("csv", "catalog");
        Path models = Files.writeString(work.resolve("models.csv"), "name,tags\nbert,old\n");
        Path tags = work.resolve("tags.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(tags)) {
            values(workbook.createSheet("notes").createRow(0), "read me first");
            Sheet sheet = workbook.createSheet("tags");
            values(sheet.createRow(0), "Model", "Tag", "Action");
            values(sheet.createRow(1), "bert", "nlp");
            values(sheet.createRow(2), "bert", "old", "remove");
            workbook.write(out);
        }

        ok(importing(catalog, "report", "--models", models.toString(), "--tags", tags.toString()));

        String tagsExport = CatalogBatchCli.rawExport(catalog, work).split("--- tags.csv")[1];
        assertThat(tagsExport.strip().lines().toList()).containsExactly("model,tag", "bert,nlp");
    }

    @Test
    void a_file_that_is_no_xlsx_workbook_is_refused_and_stores_nothing() throws IOException {
        String catalog = catalog("csv", "catalog");
        ok(importing(catalog, "seed", "--models", Files.writeString(work.resolve("seed.csv"), "name\nbert\n")
                .toString()));
        String before = CatalogBatchCli.rawExport(catalog, work);
        Path xls = work.resolve("models.xls");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            values(workbook.createSheet("models").createRow(0), "name");
            workbook.write(out);
        }
        Path renamed = Files.writeString(work.resolve("renamed.xlsx"), "name\ngpt\n");

        for (Path file : List.of(xls, renamed)) {
            Result result = importing(catalog, "report-" + file.getFileName(), "--models", file.toString());

            assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
            assertThat(result.err()).contains(file.getFileName() + " refused, nothing from it imported")
                    .contains("(bad-workbook)");
        }
        assertThat(CatalogBatchCli.rawExport(catalog, work)).isEqualTo(before);
    }
}
