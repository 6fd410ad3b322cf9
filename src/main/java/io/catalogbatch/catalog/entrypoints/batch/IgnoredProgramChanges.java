package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.domain.events.ProgramChangeIgnored;
import io.catalogbatch.shared.batch.ChangesFile;
import io.catalogbatch.shared.service.Handler;
import java.nio.file.Path;
import java.util.List;

/**
 * The run's list of the cells it did not apply because a spreadsheet program, not the user, changed them
 * ({@code program-changes.csv}: line, model, column, the value kept, the cell as it came back, the likely cause).
 * Made at the first such cell, so a run without any has no such file; lines are written once their chunk has
 * committed, as those of {@code changes.csv}.
 */
public final class IgnoredProgramChanges implements Handler<ProgramChangeIgnored> {

    public static final String FILE = "program-changes.csv";
    public static final List<String> COLUMNS = List.of("line", "model", "column", "kept", "came_back_as",
            "likely_cause");

    private final Path file;
    private ChangesFile lines;

    public IgnoredProgramChanges(Path reportFolder) {
        this.file = reportFolder.resolve(FILE);
    }

    @Override
    public synchronized void handle(ProgramChangeIgnored ignored) {
        if (lines == null) {
            lines = new ChangesFile(file, COLUMNS);
        }
        lines.record(List.of(Long.toString(ignored.line()), ignored.name().display(), ignored.column(),
                ignored.change().stored(), ignored.change().cell(), ignored.change().cause()));
    }
}
