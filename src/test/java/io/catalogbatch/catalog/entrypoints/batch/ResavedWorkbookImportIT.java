package io.catalogbatch.catalog.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.xlsx.SpreadsheetPrograms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our xlsx export saved again by the programs business users have (LibreOffice Calc headless, Gnumeric's
 * {@code ssconvert}) imports back with 0 changes: the mark survives, so the tags cells are whole tag sets, and the
 * programs' shared strings, styles and empty styled rows below the data read as the values written. Skipped with a
 * notice where a program is missing (CI installs both).
 */
class ResavedWorkbookImportIT {

    @TempDir
    Path work;
    String catalog;
    Path exported;
    String before;

    @BeforeEach
    void exportACatalog() throws IOException {
        catalog = work.resolve("catalog").toString();
        Path repo = Path.of("").toAbsolutePath();
        Path hostile = Files.writeString(work.resolve("hostile.csv"), WorkbookImportIT.HOSTILE_MODELS);
        Result samples = CatalogBatchCli.run("import", "--catalog", catalog, "--report",
                work.resolve("seed1").toString(), "--models", repo.resolve("samples/models.csv").toString(), "--tags",
                repo.resolve("samples/tags.csv").toString());
        assertThat(samples.exitCode()).as(samples.err()).isIn(0, 3); // the samples reject a few rows
        ok(CatalogBatchCli.run("import", "--catalog", catalog, "--report", work.resolve("seed2").toString(),
                "--models", hostile.toString()));
        ok(CatalogBatchCli.run("export", "--catalog", catalog, "--flavour", "xlsx", "--out",
                work.resolve("export").toString()));
        exported = work.resolve("export").resolve("catalog.xlsx");
        before = CatalogBatchCli.rawExport(catalog, work);
    }

    @Test
    void a_libreoffice_resave_imports_back_with_no_change() throws Exception {
        assertImportsBackUnchanged(SpreadsheetPrograms.resavedByLibreOffice(exported, work));

        // LibreOffice writes a cell's CR LF as LF: the program's doing, kept out of the catalog and listed
        assertThat(Files.readString(work.resolve("report").resolve(IgnoredProgramChanges.FILE)))
                .contains("carriage-return,description,");
    }

    @Test
    void a_gnumeric_resave_imports_back_with_no_change() throws Exception {
        assertImportsBackUnchanged(SpreadsheetPrograms.resavedByGnumeric(exported, work));
    }

    @Test
    void edits_made_then_resaved_by_libreoffice_land_exactly_the_tags_cell_being_the_whole_set() throws Exception {
        Path edited = WorkbookImportIT.edit(exported, work.resolve("edited").resolve("catalog.xlsx"), true);

        assertEditsLanded(SpreadsheetPrograms.resavedByLibreOffice(edited, work));
    }

    @Test
    void edits_made_then_resaved_by_gnumeric_land_exactly_the_tags_cell_being_the_whole_set() throws Exception {
        Path edited = WorkbookImportIT.edit(exported, work.resolve("edited").resolve("catalog.xlsx"), true);

        assertEditsLanded(SpreadsheetPrograms.resavedByGnumeric(edited, work));
    }

    /**
     * The edits of {@link WorkbookImportIT#edit}, and nothing else: the raw export differs in those models' lines
     * (the revision of 007, whose tags cell was emptied, included) and those tags only.
     */
    private void assertEditsLanded(Path resaved) throws IOException {
        assertThat(marked(resaved)).isTrue();
        ok(CatalogBatchCli.run("import", "--catalog", catalog, "--report", work.resolve("report").toString(),
                "--models", resaved.toString()));

        List<String> was = before.lines().toList();
        List<String> is = CatalogBatchCli.rawExport(catalog, work).lines().toList();
        List<String> gone = was.stream().filter(line -> !is.contains(line)).toList();
        List<String> come = is.stream().filter(line -> !was.contains(line)).toList();
        // tags.csv lines are "model,tag"; models.csv lines have ten columns (revision last, never empty)
        assertThat(gone).filteredOn(line -> line.split(",").length == 2)
                .containsExactlyInAnyOrder("acme-labs/bert-base-uncased-finetuned-sst2,sentiment", "007,nlp",
                        "007,über");
        assertThat(come).filteredOn(line -> line.split(",").length == 2)
                .containsExactly("acme-labs/new-model,fresh");
        assertThat(gone).filteredOn(line -> line.split(",").length > 2).extracting(line -> line.split(",")[0])
                .containsExactlyInAnyOrder("acme-labs/bert-base-uncased-finetuned-sst2", "acme-labs/resnet50-food101",
                        "northwind/whisper-small-nl", "007");
        assertThat(come).filteredOn(line -> line.split(",").length > 2).extracting(line -> line.split(",")[0])
                .containsExactlyInAnyOrder("acme-labs/bert-base-uncased-finetuned-sst2", "acme-labs/resnet50-food101",
                        "northwind/whisper-small-nl", "007", "acme-labs/new-model");
    }

    private static boolean marked(Path workbook) {
        return ExportedWorkbook.exportedByCatalogBatch(workbook, CsvReadOptions.utf8(Set.of("name"), Set.of("name"))
                .withSheet("models"));
    }

    private void assertImportsBackUnchanged(Path resaved) throws IOException {
        assertThat(marked(resaved)).as("the mark survived the re-save").isTrue();
        Result result = ok(CatalogBatchCli.run("import", "--catalog", catalog, "--report",
                work.resolve("report").toString(), "--models", resaved.toString()));

        assertThat(result.out()).contains("0 rejected (xlsx, sheet \"models\")").contains("0 changes to");
        assertThat(CatalogBatchCli.rawExport(catalog, work)).isEqualTo(before);
    }

    private static Result ok(Result result) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        return result;
    }
}
