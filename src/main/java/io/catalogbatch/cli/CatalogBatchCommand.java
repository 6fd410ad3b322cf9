package io.catalogbatch.cli;

import io.catalogbatch.runs.GracefulStop;
import io.catalogbatch.shared.jdbc.UrlSecrets;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code catalog-batch <subcommand>}. */
@Command(name = "catalog-batch", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Imports, exports and searches an ML model catalog kept as CSV files or in a database.",
        subcommands = {ImportCommand.class, ExportCommand.class, SearchCommand.class, MigrateCommand.class,
                AllocateCommand.class, HistoryCommand.class, WatchCommand.class, WorkerCommand.class,
                CommandLine.HelpCommand.class})
public final class CatalogBatchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static int execute(String... args) {
        CommandLine line = commandLine();
        // Data goes to stdout (search): UTF-8 whatever the locale (cron runs with LANG=C).
        line.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        line.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        GracefulStop.install();
        return line.execute(args);
    }

    /** The configured command line, for callers that want its output elsewhere (tests). */
    public static CommandLine commandLine() {
        return new CommandLine(new CatalogBatchCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(CatalogBatchCommand::usageError)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    FailureReport.report(line.getErr(), line.getCommandName() + " failed", e, false);
                    return ExitCode.FAILED;
                });
    }

    /** Picocli's own answer to a usage error, but a location it quotes shows its password masked. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        line.getErr().println(line.getColorScheme().errorText(UrlSecrets.scrubbed(e.getMessage())));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, line.getErr())) {
            line.usage(line.getErr(), line.getColorScheme());
        }
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: import, export, search, migrate, allocate, history, watch, worker, or help");
    }
}
