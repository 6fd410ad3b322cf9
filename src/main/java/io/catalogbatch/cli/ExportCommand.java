package io.catalogbatch.cli;

import io.catalogbatch.catalog.entrypoints.launch.CatalogPresence;
import io.catalogbatch.catalog.service.CatalogExport;
import io.catalogbatch.catalog.service.ExportFlavour;
import io.catalogbatch.runs.BatchContext;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog-batch export}: the catalog as {@code models.csv} and {@code tags.csv}. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Writes the catalog to DIR/models.csv and DIR/tags.csv, sorted by name.",
                "Each file appears whole or not at all."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions options;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into.")
    Path out;

    @Option(names = "--flavour", defaultValue = "spreadsheet", paramLabel = "spreadsheet|raw",
            converter = FlavourConverter.class,
            description = {"spreadsheet (default): UTF-8 with BOM, every cell quoted, formulas neutralised.",
                    "raw: plain RFC 4180 UTF-8 that imports back exactly."})
    ExportFlavour flavour;

    @Override
    public Integer call() {
        try {
            if (CatalogPresence.absent(options.location())) {
                spec.commandLine().getErr().println(MissingCatalog.message("export", options.catalog));
                return ExitCode.FAILED;
            }
        } catch (Exception e) {
            FailureReport.report(spec.commandLine().getErr(), "export failed", e, options.verbose);
            return ExitCode.FAILED;
        }
        try (ConfigurableApplicationContext context = BatchContext.startReadOnly(options.location(), options.verbose)) {
            CatalogExport.Written written = context.getBean(CatalogExport.class).export(out, flavour);
            spec.commandLine().getOut().printf("Exported %s to %s (%s) and %s (%s), %s flavour.%n", options.location(),
                    written.models(), count(written.modelRows(), "model"), written.tags(),
                    count(written.tagRows(), "tag row"), flavour.name().toLowerCase(java.util.Locale.ROOT));
            return ExitCode.DONE;
        } catch (Exception e) {
            FailureReport.report(spec.commandLine().getErr(), "export failed", e, options.verbose);
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
                        "'" + value + "' is not a flavour: use spreadsheet or raw");
            }
        }
    }
}
