package io.catalogbatch.cli;

import static io.catalogbatch.cli.SpreadsheetRoundTrip.export;
import static io.catalogbatch.cli.SpreadsheetRoundTrip.hostileCatalog;
import static io.catalogbatch.cli.SpreadsheetRoundTrip.importBack;
import static io.catalogbatch.cli.SpreadsheetRoundTrip.saveAs;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.SpreadsheetRoundTrip.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spreadsheet-flavour export saved back as a spreadsheet program does, imported with the plain {@code import}
 * (issue #21 items 4 and 5), on machines without the programs: each program here does exactly what LibreOffice Calc
 * 7.4 and Gnumeric 1.12 were measured to do (issue #21), so the outcome is known to the cell. The real programs are
 * driven by {@code SpreadsheetProgramsCsvIT}.
 */
class SpreadsheetCsvRoundTripIT {

    /**
     * Calc's default ("press Save") options: numbers read as numbers and written as shown; CR LF inside a cell
     * written as LF; guards kept; an empty cell written as {@code '} (measured with LibreOffice 7.4 headless).
     */
    static final Map<String, String> CALC_NUMBERS = Map.of("007", "7", "00123", "123", "1e5", "100000",
            "12345678901234567890", "1.23456789012346E+019", "3.0", "3", "1,000", "1000", "0.10", "0.1");
    /**
     * Gnumeric 1.12 ({@code ssconvert}): numbers and special numbers read as numbers, dates rewritten (here in both
     * forms #21 saw: {@code 2024/02/29} and a serial number), CR LF kept, long digit strings kept.
     */
    static final Map<String, String> GNUMERIC_VALUES = Map.ofEntries(Map.entry("007", "7"), Map.entry("00123", "123"),
            Map.entry("1e5", "100000"), Map.entry("3.0", "3"), Map.entry("1,000", "1000"), Map.entry("0.10", "0.1"),
            Map.entry("(123)", "-123"), Map.entry("50%", "0.5"), Map.entry("1/2", "2026/01/02"),
            Map.entry("2024-02-29", "2024/02/29"), Map.entry("2023-01-02", "2023/01/02"),
            Map.entry("2024-01-02", "45293"));

    static final UnaryOperator<String> CAREFUL_CALC = cell -> cell.isEmpty() ? "'" : cell.replace("\r\n", "\n");
    static final UnaryOperator<String> CALC = cell -> cell.isEmpty() ? "'"
            : CALC_NUMBERS.getOrDefault(cell, cell).replace("\r\n", "\n");
    /** Gnumeric takes a leading {@code '} for its text sign when it reads, and writes no guard. */
    static final UnaryOperator<String> GNUMERIC = cell -> {
        String read = cell.startsWith("'") ? cell.substring(1) : cell;
        return GNUMERIC_VALUES.getOrDefault(read, read);
    };

    @TempDir
    Path work;
    String catalog;
    Path exported;
    String before;

    @BeforeEach
    void exportTheHostileCatalog() throws IOException {
        catalog = hostileCatalog(work);
        exported = export(catalog, work, "export");
        before = CatalogBatchCli.rawExport(catalog, work);
    }

    @Test
    void the_export_carries_the_mark_and_guards_an_apostrophe_start() throws IOException {
        String models = Files.readString(exported.resolve("models.csv"), StandardCharsets.UTF_8);
        assertThat(models.lines().findFirst().orElseThrow())
                .endsWith("\"revision\",\"catalog-batch spreadsheet export\"");
        assertThat(models).contains("\"''=already\",\"''@x\"", "\"agent\",\"''quoted at start\"", "\"'=1+2\"");
    }

    @Test
    void resaved_with_careful_options_it_imports_with_no_change_and_lists_the_line_ends_it_kept() throws IOException {
        Outcome back = roundTrip(CAREFUL_CALC, "careful");

        assertThat(back.exitCode()).as(back.out() + back.err()).isZero();
        assertThat(back.summary().changes()).isZero();
        assertThat(back.catalogAfter()).isEqualTo(before);
        assertThat(back.keptCells()).containsExactly(
                "-negative-name description: line one\\r\\nline two\\nline three -> line one\\nline two\\nline three");
        assertThat(back.summary().programChanges()).isEqualTo(1);
        assertThat(back.err()).contains("1 cell came back changed by a spreadsheet program, not by an edit, so the "
                + "catalog keeps its value:", "line 3, model -negative-name, column description: your spreadsheet "
                + "program wrote the line breaks of this cell as LF instead of CR LF");
    }

    @Test
    void resaved_with_calcs_default_options_renamed_rows_are_rejected_and_reformatted_cells_kept() throws IOException {
        Outcome back = roundTrip(CALC, "calc");

        assertThat(back.exitCode()).as(back.out() + back.err()).isEqualTo(3);
        assertThat(back.rejections()).containsExactly("123: unknown-model", "7: unknown-model",
                "1.23456789012346E+019: unknown-model", "100000: unknown-model");
        assertThat(back.rejected().get(1).get(back.rejected().get(1).size() - 1)).as("the likely cause")
                .contains("your spreadsheet program probably changed the name (007 comes back as 7");
        assertThat(back.keptCells()).containsExactly(
                "-negative-name description: line one\\r\\nline two\\nline three -> line one\\nline two\\nline three",
                "agent framework: 0.10 -> 0.1", "agent license: 3.0 -> 3", "agent successor: 007 -> 7",
                "agent tag: 3.0 -> 3", "bert tag: 1e5 -> 100000");
        assertThat(back.summary().changes()).isZero();
        assertThat(back.catalogAfter()).isEqualTo(before);

        Outcome second = roundTrip(CALC, "calc-again");
        assertThat(second.exitCode()).isEqualTo(3);
        assertThat(second.rejections()).isEqualTo(back.rejections());
        assertThat(second.keptCells()).isEqualTo(back.keptCells());
        assertThat(second.catalogAfter()).isEqualTo(before);
    }

    @Test
    void in_replace_mode_a_tag_the_program_reformatted_does_not_replace_the_models_tag() throws IOException {
        Path models = work.resolve("replace/models.csv");
        Path tags = work.resolve("replace/tags.csv");
        saveAs(exported.resolve("models.csv"), models, CALC);
        saveAs(exported.resolve("tags.csv"), tags, CALC);

        Outcome back = importBack(catalog, models, tags, work, "replace-report", "--mode", "replace");

        assertThat(back.catalogAfter()).isEqualTo(before);
        assertThat(back.summary().changes()).isZero();
        assertThat(back.keptCells()).endsWith("agent tag: 3.0 -> 3", "bert tag: 1e5 -> 100000");
    }

    @Test
    void resaved_by_gnumeric_dates_and_numbers_are_kept_and_a_real_apostrophe_survives() throws IOException {
        Outcome back = roundTrip(GNUMERIC, "gnumeric");

        assertThat(back.exitCode()).as(back.out() + back.err()).isEqualTo(3);
        assertThat(back.rejections()).containsExactly("'=already: unknown-model", "123: unknown-model",
                "7: unknown-model", "100000: unknown-model");
        assertThat(back.keptCells()).containsExactly("agent framework: 0.10 -> 0.1", "agent license: 3.0 -> 3",
                "agent created: 2024-02-29 -> 2024/02/29", "agent successor: 007 -> 7",
                "bert created: 2024-01-02 -> 45293", "agent tag: 2024-02-29 -> 2024/02/29", "agent tag: 3.0 -> 3",
                "bert tag: 1e5 -> 100000");
        assertThat(back.catalogAfter()).as("agent's description 'quoted at start came back whole").isEqualTo(before);

        Outcome second = roundTrip(GNUMERIC, "gnumeric-again");
        assertThat(second.rejections()).isEqualTo(back.rejections());
        assertThat(second.keptCells()).isEqualTo(back.keptCells());
        assertThat(second.catalogAfter()).isEqualTo(before);
    }

    @Test
    void the_users_edits_in_a_resaved_file_land_and_nothing_else() throws IOException {
        Path models = work.resolve("edited/models.csv");
        saveAs(exported.resolve("models.csv"), models, CALC);
        String edited = Files.readString(models).replace("\nbert,\"Says \"\"hi\"\", twice\"", "\nbert,now edited")
                + "new-model,typed in a spreadsheet,,,3,,,active,,,\n";
        Files.writeString(models, edited);
        Path tags = work.resolve("edited/tags.csv");
        saveAs(exported.resolve("tags.csv"), tags, CALC);

        Outcome back = importBack(catalog, models, tags, work, "edited-report");

        assertThat(back.exitCode()).isEqualTo(3); // the renamed rows, as above
        assertThat(back.changes()).extracting(change -> change.get(0) + " " + change.get(1) + " " + change.get(2))
                .containsExactly("bert ModelDetailsChanged description", "new-model ModelAdded active");
        assertThat(back.catalogAfter()).contains("\nbert,now edited,", "\nnew-model,typed in a spreadsheet,,,3,");
    }

    private Outcome roundTrip(UnaryOperator<String> program, String name) throws IOException {
        Path export = name.endsWith("again") ? export(catalog, work, name + "-export") : exported;
        Path models = work.resolve(name + "/models.csv");
        Path tags = work.resolve(name + "/tags.csv");
        saveAs(export.resolve("models.csv"), models, program);
        saveAs(export.resolve("tags.csv"), tags, program);
        return importBack(catalog, models, tags, work, name + "-report");
    }
}
