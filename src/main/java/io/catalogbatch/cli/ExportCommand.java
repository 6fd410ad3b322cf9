package io.catalogbatch.cli;

import io.catalogbatch.catalog.entrypoints.launch.CatalogPresence;
import io.catalogbatch.catalog.service.CatalogExport;
import io.catalogbatch.catalog.service.ExportFlavour;
import io.catalogbatch.catalog.service.search.ModelSelection;
import io.catalogbatch.runs.BatchContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog-batch export}: the catalog, or the models the search filters select, as CSV files or a workbook. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Writes the catalog to DIR/models.csv and DIR/tags.csv (or DIR/catalog.xlsx with --flavour"
                + " xlsx), sorted by name. Each file appears whole or not at all.",
                "Without filters it writes every model, archived ones too. With the search filters (as in search:"
                        + " they combine with AND; archived models only with --status) it writes the models they"
                        + " match and only their tags: a selection to send, edit and import back."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed (no catalog at LOC, more models than a sheet holds, ...)",
                "2:usage error"})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions options;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into.")
    Path out;

    @Option(names = "--flavour", defaultValue = "spreadsheet", paramLabel = "spreadsheet|raw|xlsx",
            converter = FlavourConverter.class,
            description = {"spreadsheet (default): UTF-8 with BOM, every cell quoted, formulas neutralised.",
                    "raw: plain RFC 4180 UTF-8 that imports back exactly.",
                    "xlsx: DIR/catalog.xlsx, sheet models (the CSV columns plus tags, the model's tags joined by"
                            + " ;) of text cells kept as typed, and sheet about. At most 1,048,575 models."})
    ExportFlavour flavour;

    @Mixin
    SearchFilterOptions filters;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ModelSelection selection;
        try {
            selection = filters.given() ? ModelSelection.matching(filters.query().build(), filters.described())
                    : ModelSelection.everything();
        } catch (UsageProblem e) {
            err.println("catalog-batch export: " + e.getMessage());
            return ExitCode.USAGE;
        }
        try {
            if (CatalogPresence.absent(options.location())) {
                err.println(MissingCatalog.message("export", options.catalog));
                return ExitCode.FAILED;
            }
        } catch (Exception e) {
            FailureReport.report(err, "export failed", e, options.verbose);
            return ExitCode.FAILED;
        }
        try (ConfigurableApplicationContext context = BatchContext.startReadOnly(options.location(), options.verbose)) {
            CatalogExport.Written written = context.getBean(CatalogExport.class).export(out, flavour, selection);
            String what = options.location() + (selection.whole() ? "" : " (" + selection.filters() + ")");
            if (written.files().size() == 2) {
                spec.commandLine().getOut().printf("Exported %s to %s (%s) and %s (%s), %s flavour.%n", what,
                        written.files().get(0), count(written.models(), "model"), written.files().get(1),
                        count(written.tags(), "tag row"), flavour.code());
            } else {
                spec.commandLine().getOut().printf("Exported %s to %s (%s, %s), %s flavour.%n", what,
                        written.files().get(0), count(written.models(), "model"), count(written.tags(), "tag"),
                        flavour.code());
            }
            return ExitCode.DONE;
        } catch (Exception e) {
            FailureReport.report(err, "export failed", e, options.verbose);
            return ExitCode.FAILED;
        }
    }

    private static String count(long rows, String what) {
        return String.format("%,d %s%s", rows, what, rows == 1 ? "" : "s");
    }

    /** Accepts the flavour in any case. */
    static final class FlavourConverter implements picocli.CommandLine.ITypeConverter<ExportFlavour> {
        @Override
        public ExportFlavour convert(String value) {
            try {
                return ExportFlavour.of(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a flavour: use spreadsheet, raw or xlsx");
            }
        }
    }
}
