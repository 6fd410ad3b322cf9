package io.catalogbatch.shared.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a CSV text in one dialect, each with the physical line it starts on. Parsing is strict
 * RFC 4180: quotes only, no escape character, no comment marker, no null string, values untouched
 * (no trimming: a space before an opening quote makes the field unquoted and keeps it verbatim), and no
 * leniency at the end of the file or after a closing quote (only white space may follow one).
 */
final class RecordCursor implements Closeable {

    /** One record: the line it starts on and its cells as written. */
    record Record(long line, List<String> cells) {

        boolean isBlank() {
            for (String cell : cells) {
                if (!blank(cell)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final CsvText text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private RecordCursor(CsvText text, CSVParser parser) {
        this.text = text;
        this.parser = parser;
        this.records = parser.iterator();
    }

    static RecordCursor open(CsvText text, char delimiter) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setQuote('"')
                .setEscape(null)
                .setCommentMarker(null)
                .setNullString(null)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .setLenientEof(false)
                .setTrailingData(false)
                .get();
        Reader reader = text.reader(delimiter);
        try {
            return new RecordCursor(text, CSVParser.builder().setReader(reader).setFormat(format).get());
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The next record, blank or not; null at the end. */
    Record next() {
        // Before hasNext(), which already parses the record; empty lines are records, so none is skipped unseen.
        long line = parser.getCurrentLineNumber() + 1;
        try {
            // List.of copies the record's array once (toList() went through a stream, then the row copied it again).
            return records.hasNext() ? new Record(line, List.of(records.next().values())) : null;
        } catch (UncheckedIOException e) {
            throw text.refusal(e.getCause(), line);
        }
    }

    /** The next record with a non-blank cell; null at the end. */
    Record nextNonBlank() {
        for (Record record = next(); record != null; record = next()) {
            if (!record.isBlank()) {
                return record;
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empty or only white space (no-break spaces included). */
    static boolean blank(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }
}
