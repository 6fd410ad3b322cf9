package io.catalogbatch.shared.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Sits between the decoder and the CSV parser and looks at every character once: refuses a NUL, and refuses
 * a record longer than the limit before the parser could buffer it (a 1 GB field must not exhaust memory).
 * To know where records start it follows the quoting exactly as the parser does: a quote opens a quoted
 * field only as the first character of a field, and a doubled quote inside one is data.
 */
final class RecordGuard extends Reader {

    // The quoting state, as ints: this loop sees every character of every file twice (check and import).
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final Reader in;
    private final char delimiter;
    private final Path file;
    private final int limit;
    private int state = FIELD_START;
    private long line = 1;
    private boolean afterCr;
    private long recordLine = 1;
    private long recordChars;

    RecordGuard(Reader in, char delimiter, Path file, int limit) {
        this.in = in;
        this.delimiter = delimiter;
        this.file = file;
        this.limit = limit;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            char c = buffer[i];
            if (c > '"' && c != delimiter && c != '\uFFFD') {
                // Neither a line end, a quote, a delimiter, a NUL nor a replacement character: data.
                afterCr = false;
                if (++recordChars > limit) {
                    throw CsvFileRefused.recordTooLarge(file, recordLine, limit);
                }
                if (state != QUOTED) {
                    state = UNQUOTED;
                }
            } else {
                see(c);
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void see(char c) {
        if (c == '\uFFFD') {
            throw CsvFileRefused.replacementCharacter(file, line);
        }
        if (c == '\0') {
            throw CsvFileRefused.binary(file, line, "contains a NUL character, so it is binary data (or UTF-16 text "
                    + "without a byte order mark), not a CSV file", CsvFileRefused.saveAsCsv());
        }
        boolean endOfLine = c == '\r' || c == '\n';
        if (c == '\r' || c == '\n' && !afterCr) {
            line++;
        }
        afterCr = c == '\r';
        if (endOfLine && state != QUOTED) {
            state = FIELD_START;
            recordChars = 0;
            recordLine = line;
            return;
        }
        if (++recordChars > limit) {
            throw CsvFileRefused.recordTooLarge(file, recordLine, limit);
        }
        state = switch (state) {
            case FIELD_START -> c == '"' ? QUOTED : c == delimiter ? FIELD_START : UNQUOTED;
            case UNQUOTED -> c == delimiter ? FIELD_START : UNQUOTED;
            case QUOTED -> c == '"' ? QUOTE_IN_QUOTED : QUOTED;
            default -> c == '"' ? QUOTED : c == delimiter ? FIELD_START : UNQUOTED;
        };
    }
}
