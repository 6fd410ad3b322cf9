package io.catalogbatch.cli;

import io.catalogbatch.shared.jdbc.UrlSecrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in this JVM and keeps what it printed. */
public final class CatalogBatchCli {

    /** What one run printed, and its exit code. */
    public record Result(int exitCode, String out, String err) {
    }

    private CatalogBatchCli() {
    }

    /** Runs a command; an import or allocate without --report reports into a temporary folder, not ./runs. */
    public static Result run(String... args) {
        UrlSecrets.forgetGiven(); // each command as in a process of its own
        List<String> all = new ArrayList<>(List.of(args));
        if (all.size() > 0 && (all.get(0).equals("import") || all.get(0).equals("allocate"))
                && !all.contains("--report")) {
            try {
                all.add("--report");
                all.add(TempFolders.deletedAtExit("catalog-batch-report").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        args = all.toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = CatalogBatchCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
