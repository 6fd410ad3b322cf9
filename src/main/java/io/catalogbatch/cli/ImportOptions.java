package io.catalogbatch.cli;

import io.catalogbatch.catalog.entrypoints.batch.ImportMode;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import picocli.CommandLine.Option;

/** How files are imported, for {@code import} and for the imports of {@code watch}: {@code --mode}, {@code --charset}. */
final class ImportOptions {

    @Option(names = "--charset", paramLabel = "NAME", defaultValue = "UTF-8",
            description = "The encoding of input files without a byte order mark, e.g. windows-1252. "
                    + "Default: ${DEFAULT-VALUE}")
    String charset;

    @Option(names = "--mode", paramLabel = "merge|replace", defaultValue = "merge",
            description = {"merge (default): add and remove tags as the rows say.",
                    "replace: each listed model's tags become exactly those this run lists for it "
                            + "(inline tags and add rows, minus remove rows); other models keep theirs."})
    String mode;

    /** What is wrong with the options, in the user's words, or null. */
    String problem() {
        try {
            ImportMode.of(mode);
        } catch (IllegalArgumentException e) {
            return "--mode " + mode + " is neither merge nor replace";
        }
        try {
            Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return "--charset " + charset + " is not an encoding this Java knows (try UTF-8 or windows-1252)";
        }
        return null;
    }

    ImportMode mode() {
        return ImportMode.of(mode);
    }

    Charset charset() {
        return Charset.forName(charset);
    }
}
