package io.catalogbatch.cli;

import static io.catalogbatch.cli.SpreadsheetRoundTrip.export;
import static io.catalogbatch.cli.SpreadsheetRoundTrip.hostileCatalog;
import static io.catalogbatch.cli.SpreadsheetRoundTrip.importBack;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.SpreadsheetRoundTrip.Outcome;
import io.catalogbatch.shared.csv.CsvFlavour;
import io.catalogbatch.shared.csv.CsvHeader;
import io.catalogbatch.shared.services.Programs;
import io.catalogbatch.shared.services.RequiredServices;
import io.catalogbatch.shared.xlsx.SpreadsheetPrograms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV path of issue #21 item 5 with the real programs: a catalog of hostile values ({@link SpreadsheetRoundTrip})
 * exported with {@code export} (the spreadsheet flavour), saved again as CSV by LibreOffice Calc (headless; its "press
 * Save" options, its careful ones, and with special numbers detected) and by Gnumeric's {@code ssconvert}, then
 * imported with the plain {@code import}: the mark survives, the catalog is unchanged, each renamed row is rejected
 * with its likely cause (exit 3) or nothing is (exit 0), the cells the program reformatted are listed, and a second
 * round trip says the same. Where a program is missing the test is skipped with a notice (CI installs both).
 */
class SpreadsheetProgramsCsvIT {

    static final String INSTALL = SpreadsheetPrograms.INSTALL;
    static final String CSV = "Text - txt - csv (StarCalc)";
    /** Comma, double quote, UTF-8, from line 1, default language; numbers read as numbers (Calc's defaults). */
    static final String CALC_DEFAULT_IN = "44,34,76,1,,0,false,false";
    /** The same options, cells written as shown: what pressing Save (Keep current format) writes. */
    static final String CALC_DEFAULT_OUT = "44,34,76,1,,0,false,true,true";
    /** "Format quoted field as text" on when reading; "Quote all text cells" on when writing. */
    static final String CALC_CAREFUL_IN = "44,34,76,1,,0,true,false";
    static final String CALC_CAREFUL_OUT = "44,34,76,1,,0,true,true,true";
    /** "Detect special numbers" on: (123), 1/2, dates in any form are read as numbers. */
    static final String CALC_SPECIAL_IN = "44,34,76,1,,0,false,true";

    static final String CRLF_KEPT =
            "-negative-name description: line one\\r\\nline two\\nline three -> line one\\nline two\\nline three";

    @TempDir
    Path work;
    String catalog;
    String before;

    @BeforeEach
    void theHostileCatalog() throws IOException {
        catalog = hostileCatalog(work);
        before = CatalogBatchCli.rawExport(catalog, work);
    }

    @Test
    void calc_with_its_default_options() throws Exception {
        Outcome back = twice(calc(CALC_DEFAULT_IN, CALC_DEFAULT_OUT), "calc");

        assertThat(back.rejections()).containsExactly("123: unknown-model", "7: unknown-model",
                "1.23456789012346E+019: unknown-model", "100000: unknown-model");
        assertThat(back.keptCells()).containsExactly(CRLF_KEPT, "agent framework: 0.10 -> 0.1",
                "agent license: 3.0 -> 3", "agent successor: 007 -> 7", "agent tag: 3.0 -> 3",
                "bert tag: 1e5 -> 100000");
    }

    @Test
    void calc_with_quoted_fields_as_text_and_all_text_cells_quoted() throws Exception {
        Outcome back = twice(calc(CALC_CAREFUL_IN, CALC_CAREFUL_OUT), "careful");

        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.keptCells()).containsExactly(CRLF_KEPT);
    }

    @Test
    void calc_detecting_special_numbers() throws Exception {
        Outcome back = twice(calc(CALC_SPECIAL_IN, CALC_DEFAULT_OUT), "special");

        assertThat(back.rejections()).containsExactly("123: unknown-model", "7: unknown-model",
                "1.23456789012346E+019: unknown-model", "1.00E+05: unknown-model");
        assertThat(back.keptCells()).containsExactly(CRLF_KEPT, "agent framework: 0.10 -> 0.1",
                "agent license: 3.0 -> 3", "agent successor: 007 -> 7", "agent tag: 3.0 -> 3",
                "bert tag: 1e5 -> 1.00e+05");
    }

    @Test
    void gnumeric() throws Exception {
        Path ssconvert = RequiredServices.program("ssconvert", "Gnumeric (ssconvert)", INSTALL);
        Outcome back = twice(export -> gnumeric(ssconvert, export), "gnumeric");

        assertThat(back.rejections()).as("'=already came back as =already: Gnumeric drops a leading '")
                .containsExactly("'=already: unknown-model", "123: unknown-model", "7: unknown-model",
                        "100000: unknown-model");
        assertThat(back.keptCells()).as("Gnumeric keeps CR LF and 20-digit strings").containsExactly(
                "agent framework: 0.10 -> 0.1", "agent license: 3.0 -> 3", "agent created: 2024-02-29 -> 2024/02/29",
                "agent successor: 007 -> 7", "bert created: 2024-01-02 -> 2024/01/02",
                "agent tag: 2024-02-29 -> 2024/02/29", "agent tag: 3.0 -> 3", "bert tag: 1e5 -> 100000");
    }

    /** Two round trips through the program, each checked ({@link #assertNothingSilent}); the first's outcome. */
    private Outcome twice(Program program, String name) throws Exception {
        Outcome first = roundTrip(program, name);
        Outcome second = roundTrip(program, name + "-again");
        assertNothingSilent(first, second);
        return first;
    }

    /**
     * The catalog is unchanged, the renamed rows are rejected with the likely cause (and no other row), the cells
     * a program reformatted are listed, and the second round trip of the unchanged catalog says the same.
     */
    private void assertNothingSilent(Outcome first, Outcome second) {
        for (Outcome back : List.of(first, second)) {
            assertThat(back.catalogAfter()).as(back.out() + back.err()).isEqualTo(before);
            assertThat(back.summary().changes()).isZero();
            assertThat(back.exitCode()).as(back.err()).isEqualTo(back.rejected().isEmpty() ? 0 : 3);
            assertThat(back.summary().programChanges()).isEqualTo(back.programChanges().size());
            for (List<String> rejected : back.rejected()) {
                assertThat(rejected.get(rejected.size() - 3)).as("%s", rejected).isEqualTo("unknown-model");
                assertThat(rejected.get(rejected.size() - 1)).contains("your spreadsheet program probably changed");
                assertThat(before).as("a rejected row names no model of the catalog")
                        .doesNotContain("\r\n" + CsvFlavour.fromSpreadsheetExport(rejected.get(0)) + ",");
            }
        }
        assertThat(second.rejections()).isEqualTo(first.rejections());
        assertThat(second.keptCells()).isEqualTo(first.keptCells());
    }

    @FunctionalInterface
    interface Program {
        /** Saves the export's two files again; the folder of the saved files. */
        Path resave(Path export) throws Exception;
    }

    private Outcome roundTrip(Program program, String name) throws Exception {
        Path exported = export(catalog, work, name + "-export");
        Path saved = program.resave(exported);
        for (String file : List.of("models.csv", "tags.csv")) {
            String header = Files.readString(saved.resolve(file), StandardCharsets.UTF_8).lines().findFirst()
                    .orElseThrow().replace("\"", "");
            assertThat(Arrays.stream(header.split(",")).map(CsvHeader::normalise)).as("%s of %s: %s", file, name, header)
                    .contains(CsvFlavour.MARK_KEY);
        }
        return importBack(catalog, saved.resolve("models.csv"), saved.resolve("tags.csv"), work, name + "-report");
    }

    /** LibreOffice Calc opening each file with the {@code in} options and saving it as CSV with the {@code out} ones. */
    private Program calc(String in, String out) {
        Path soffice = RequiredServices.program("soffice", "LibreOffice Calc (soffice)", INSTALL);
        return export -> {
            Path saved = export.resolveSibling(export.getFileName() + "-saved");
            for (String file : List.of("models.csv", "tags.csv")) {
                Programs.run(work, List.of(soffice.toString(), "-env:UserInstallation=" + work.resolve("lo-profile").toUri(),
                        "--headless", "--infilter=" + CSV + ":" + in, "--convert-to", "csv:" + CSV + ":" + out,
                        "--outdir", saved.toString(), export.resolve(file).toString()));
            }
            return saved;
        };
    }

    private Path gnumeric(Path ssconvert, Path export) throws Exception {
        Path saved = Files.createDirectories(export.resolveSibling(export.getFileName() + "-saved"));
        for (String file : List.of("models.csv", "tags.csv")) {
            Programs.run(work, List.of(ssconvert.toString(), export.resolve(file).toString(), saved.resolve(file).toString()));
        }
        return saved;
    }
}
