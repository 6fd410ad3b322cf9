package io.catalogbatch.cli;

import io.catalogbatch.catalog.entrypoints.launch.CatalogImport;
import io.catalogbatch.catalog.entrypoints.launch.ImportFailures;
import io.catalogbatch.runs.remote.Broker;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog-batch import}: models, then tags, into the catalog, with a report folder per run. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Imports a models file and, optionally, a tags file into the catalog (or a tags file alone).",
                "A failed or interrupted run is resumed by running the same command again."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, nothing rejected", "1:failed, or a file refused (run the same command again "
                + "to resume)", "2:usage error", "3:done, some rows rejected (see the report folder)"})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions options;

    @Option(names = "--models", paramLabel = "FILE",
            description = "The models file (name, description, task, framework, license, url, created, "
                    + "status, successor, revision, tags): CSV, or an .xlsx workbook (its sheet models, else the "
                    + "first). Without it, --tags alone is imported against the models the catalog holds.")
    Path models;

    @Option(names = "--tags", paramLabel = "FILE", description = "A tags file (model, tag, action): CSV, or an "
            + ".xlsx workbook (its sheet tags, else the first).")
    Path tags;

    @Option(names = "--report", paramLabel = "DIR",
            description = "The report folder (summary.json, *.errors.csv, changes.csv, run.log). "
                    + "Default: ./runs/<time>-<id>/")
    Path report;

    @Mixin
    ImportOptions importOptions;

    @Option(names = "--dry-run", description = "Validate and report without changing the catalog.")
    boolean dryRun;

    @Mixin
    BrokerOptions brokerOptions;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String usageProblem = usageProblem();
        if (usageProblem != null) {
            err.println("catalog-batch import: " + usageProblem);
            return ExitCode.USAGE;
        }
        Broker broker = null;
        if (brokerOptions.broker != null) {
            try {
                broker = brokerOptions.resolve();
            } catch (Broker.BadBrokerUrl e) {
                err.println("catalog-batch import: " + e.getMessage());
                return ExitCode.USAGE;
            }
        }
        CatalogImport run = new CatalogImport(new CatalogImport.Request(options.catalog, models, tags,
                importOptions.charset(), importOptions.mode(), dryRun, report, Path.of("runs"), "import",
                options.verbose, broker));
        try {
            return run.run((context, execution, summary) -> ImportSummaryLines.print(summary,
                    execution.getAllFailureExceptions(), spec.commandLine().getOut(), err)).exitCode();
        } catch (Exception e) {
            FailureReport.report(err, "import failed", e, options.verbose);
            if (ImportFailures.catalogBusy(e) || ImportFailures.needsTheUser(e)) {
                return ExitCode.FAILED; // nothing started: the message says what to do
            }
            run.folder().ifPresent(folder -> err.printf("Report folder: %s%n", folder));
            err.println("Nothing committed is lost; run the same command again to resume.");
            return ExitCode.FAILED;
        }
    }

    private String usageProblem() {
        if (models == null && tags == null) {
            return "give --models FILE, --tags FILE, or both";
        }
        for (Path file : Stream.of(models, tags).filter(Objects::nonNull).toList()) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                return "cannot read " + file + ": no such readable file";
            }
        }
        if (brokerOptions.broker != null) {
            String singleMachine = BrokerOptions.singleMachine(options.location());
            if (singleMachine != null) {
                return "--broker: " + singleMachine;
            }
            if (dryRun) {
                return "--dry-run checks on this machine alone: leave out --broker";
            }
        }
        return importOptions.problem();
    }
}
