package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.csv.ReadAhead;
import io.catalogbatch.shared.csv.RowSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the data rows of an input file: a CSV file through {@code CsvSource} (the tolerant reader: BOM, charset,
 * delimiter, header) or a workbook's sheet through {@code SheetSource}, as {@link InputRows} chooses. Keeps the
 * number of rows handed out in the step's execution context under {@code <name>.rows}, so a restarted step goes
 * on after the last committed chunk. A file refused for its structure throws
 * {@link io.catalogbatch.shared.csv.CsvFileRefused} from {@link #open} or {@link #read}.
 * Rows after the restart point are parsed ahead on a thread of their own ({@link ReadAhead}).
 */
public final class CsvRowReader implements ItemStreamReader<CsvRow> {

    /** Told what the reader does, so that state kept per file can be rebuilt when a step restarts. */
    public interface Listener {

        /** The file is open, its header read; called before any row is replayed or read. */
        default void opened(RowSource source) {
        }

        /** On restart, a row an earlier execution handed out: read again, in order, but not handed out. */
        default void replayed(CsvRow row) {
        }
    }

    private static final Listener NONE = new Listener() {
    };

    private final Path file;
    private final String positionKey;
    private final CsvReadOptions options;
    private final Listener listener;
    private RowSource source;
    private ReadAhead rows;
    private String encoding;
    private String delimiterName;
    private long rowsRead;

    public CsvRowReader(Path file, String name, CsvReadOptions options, Listener listener) {
        this.file = file;
        this.positionKey = positionKey(name);
        this.options = options;
        this.listener = listener;
    }

    /**
     * The step execution context's key of the rows this reader has had committed: its position for a restart, and
     * what a run's counts read back ({@code runs.RunCounts}).
     */
    public static String positionKey(String name) {
        return name + ".rows";
    }

    public CsvRowReader(Path file, String name, CsvReadOptions options) {
        this(file, name, options, NONE);
    }

    /** UTF-8 without BOM, no known or required columns: no sniffing help, no header checks. */
    public CsvRowReader(Path file, String name) {
        this(file, name, CsvReadOptions.utf8(Set.of(), Set.of()));
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            source = InputRows.open(file, options);
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + file + ": " + e.getMessage(), e);
        }
        encoding = source.encoding();
        delimiterName = source.delimiterName();
        listener.opened(source);
        long committed = context.getLong(positionKey, 0L);
        if (listener == NONE) {
            // Nobody needs the rows an earlier execution committed: skipping is cheaper than building them.
            rowsRead = source.skip(committed);
        } else {
            rowsRead = 0;
            CsvRow row;
            while (rowsRead < committed && (row = source.next()) != null) {
                rowsRead++;
                listener.replayed(row);
            }
        }
        rows = new ReadAhead(source);
    }

    @Override
    public CsvRow read() {
        CsvRow row = rows.next();
        if (row != null) {
            rowsRead++;
        }
        return row;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(positionKey, rowsRead);
    }

    @Override
    public void close() {
        if (rows != null) {
            rows.close(); // and the source
            rows = null;
        } else if (source != null) {
            source.close();
        }
        source = null;
    }

    /** How the file was decoded (e.g. {@code UTF-8 with BOM}); known once opened, kept after close. */
    public String encoding() {
        requireOpened();
        return encoding;
    }

    /**
     * The delimiter found (or named by a {@code sep=} line) in words, or the sheet read; known once opened, kept
     * after close.
     */
    public String delimiterName() {
        requireOpened();
        return delimiterName;
    }

    private void requireOpened() {
        if (encoding == null) {
            throw new IllegalStateException(file + " has not been opened");
        }
    }
}
