package io.catalogbatch.allocation.entrypoints.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run made of one input file: whether it was there, how it was read (header as written, encoding,
 * delimiter) and its data rows read, accepted and rejected.
 */
public record FileOutcome(Path file, boolean present, List<String> header, String encoding, String delimiter,
                          long read, long accepted, long rejected) {

    public FileOutcome {
        header = List.copyOf(header);
    }

    /** An optional file that is not there. */
    static FileOutcome absent(Path file) {
        return new FileOutcome(file, false, List.of(), "", "", 0, 0, 0);
    }
}
