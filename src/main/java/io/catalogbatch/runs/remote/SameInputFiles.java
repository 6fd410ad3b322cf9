package io.catalogbatch.runs.remote;

import io.catalogbatch.runs.FileFingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * Whether a worker reads the input files the manager checked. A run's identifying parameters name each file
 * ({@code <role>.file}, its absolute path) and its SHA-256 as the manager read it ({@code <role>.sha256}); a worker
 * reads the file at the same path (shared storage) and must find the same bytes, else its partition fails with what
 * it found, which the manager's summary then shows.
 */
public final class SameInputFiles {

    private SameInputFiles() {
    }

    /** What is wrong with the run's input files as {@code worker} sees them; empty when each is as checked. */
    public static Optional<String> problem(JobParameters run, String worker) {
        for (JobParameter<?> parameter : run.parameters()) {
            String name = parameter.name();
            if (!name.endsWith(".file")) {
                continue;
            }
            String role = name.substring(0, name.length() - ".file".length());
            String expected = run.getString(role + ".sha256");
            if (expected == null) {
                continue;
            }
            Path file = Path.of(String.valueOf(parameter.value()));
            String found;
            try {
                if (!Files.isRegularFile(file)) {
                    return Optional.of(String.format("the worker on %s cannot read the %s file %s: there is no such"
                            + " file there (every worker reads the input files at the path the manager was given:"
                            + " put them on storage all machines share)", worker, role, file));
                }
                found = FileFingerprint.sha256(file);
            } catch (IOException e) {
                return Optional.of(String.format("the worker on %s cannot read the %s file %s: %s", worker, role,
                        file, e.getMessage()));
            }
            if (!found.equals(expected)) {
                return Optional.of(String.format("the worker on %s finds other contents in the %s file %s than the"
                        + " manager checked (SHA-256 %s there, %s on the manager): every machine must see the same"
                        + " file; nothing of it was imported by this partition", worker, role, file,
                        found.substring(0, 12), expected.substring(0, 12)));
            }
        }
        return Optional.empty();
    }
}
