package io.catalogbatch.runs;

import io.catalogbatch.shared.csv.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code summary.json} of a run's report folder (SPEC §6), written by the command once the run ends.
 * {@code programChanges}: the cells of an import that a spreadsheet program changed and that were not applied
 * (issue #21; listed in {@code program-changes.csv}).
 */
public record RunSummary(String command, String status, int exitCode, boolean dryRun, String catalog, String mode,
                         String started, String finished, double durationSeconds, long changes, long programChanges,
                         String reportFolder, List<FileSummary> files) {

    /**
     * One input file of the run. {@code errorsFile}: the name, in the report folder, of the file that holds its
     * rejected rows for the user to fix ({@code models.errors.csv}, or {@code models.errors.xlsx} for a workbook);
     * empty when none was rejected.
     */
    public record FileSummary(String role, String path, boolean refused, String reason, long line, String message,
                              long read, long imported, long rejected, long skipped, String encoding,
                              String delimiter, String errorsFile) {

        /** A file whose rows were counted; refused, it counts none. */
        public FileSummary(String role, String path, RunCounts counts, String encoding, String delimiter,
                           String errorsFile) {
            this(role, path, false, "", 0, "", counts.read(), counts.imported(), counts.rejected(),
                    counts.notReached(), encoding, delimiter, errorsFile);
        }

        /** A refused file: nothing read, nothing rejected. */
        public static FileSummary refusedFile(String role, String path, String reason, long line, String message,
                                          String encoding, String delimiter) {
            return new FileSummary(role, path, true, reason, line, message, 0, 0, 0, 0, encoding, delimiter, "");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public RunSummary {
        files = List.copyOf(files);
    }

    /** A run that left no cell unapplied (every run but an import of a file from a spreadsheet program). */
    public RunSummary(String command, String status, int exitCode, boolean dryRun, String catalog, String mode,
                      String started, String finished, double durationSeconds, long changes, String reportFolder,
                      List<FileSummary> files) {
        this(command, status, exitCode, dryRun, catalog, mode, started, finished, durationSeconds, changes, 0,
                reportFolder, files);
    }

    /** Writes {@code summary.json} into the folder, whole or not at all. */
    public void writeTo(Path folder) throws IOException {
        byte[] json = (JSON.writeValueAsString(this) + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(folder.resolve("summary.json"), out -> out.write(json));
    }

    public static RunSummary read(Path file) {
        return JSON.readValue(file.toFile(), RunSummary.class);
    }
}
