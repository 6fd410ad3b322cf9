package io.catalogbatch.cli;

import io.catalogbatch.shared.jdbc.UrlSecrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The catalog's raw export (SPEC §5: the exact round trip) into a new folder under {@code work}, as one text:
     * {@code models.csv}, a separator line, {@code tags.csv}. For comparing catalogs byte for byte.
     */
    public static String rawExport(String catalog, Path work) throws IOException {
        Path out = Files.createTempDirectory(work, "export");
        Result export = run("export", "--catalog", catalog, "--flavour", "raw", "--out", out.toString());
        if (export.exitCode() != ExitCode.DONE) {
            throw new AssertionError("export of " + catalog + " failed: " + export.err());
        }
        return Files.readString(out.resolve("models.csv")) + "\n--- tags.csv\n"
                + Files.readString(out.resolve("tags.csv"));
    }
}
