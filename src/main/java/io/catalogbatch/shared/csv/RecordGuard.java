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

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final Reader in;
    private final char delimiter;
    private final Path file;
    private final int limit;
    private State state = State.FIELD_START;
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
            see(buffer[i]);
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
        if (endOfLine && state != State.QUOTED) {
            state = State.FIELD_START;
            recordChars = 0;
            recordLine = line;
            return;
        }
        if (++recordChars > limit) {
            throw CsvFileRefused.recordTooLarge(file, recordLine, limit);
        }
        state = switch (state) {
            case FIELD_START -> c == '"' ? State.QUOTED : c == delimiter ? State.FIELD_START : State.UNQUOTED;
            case UNQUOTED -> c == delimiter ? State.FIELD_START : State.UNQUOTED;
            case QUOTED -> c == '"' ? State.QUOTE_IN_QUOTED : State.QUOTED;
            case QUOTE_IN_QUOTED -> c == '"' ? State.QUOTED : c == delimiter ? State.FIELD_START : State.UNQUOTED;
        };
    }
}
