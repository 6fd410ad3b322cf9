package io.catalogbatch.shared.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The tolerant reader of SPEC §3: opens a CSV file (bytes checked, charset from the BOM or the options,
 * delimiter from a {@code sep=} line or sniffed, header checked) and hands out its data rows with their
 * physical start line. Blank rows are skipped; a repeated header or extra cells are carried by the row
 * ({@link CsvRow#problem()}); what breaks the file itself throws {@link CsvFileRefused}, possibly only when
 * reading gets there (use {@link #scan} to check a whole file first).
 */
public final class CsvSource implements RowSource {

    /** 8 Mi characters: no real record comes near it, and a 1 GB field is refused long before memory runs out. */
    public static final int MAX_RECORD_CHARS = 8 * 1024 * 1024;

    private final Path file;
    private final TextEncoding encoding;
    private final char delimiter;
    private final HeaderLine header;
    private final RecordCursor cursor;
    private final UnaryOperator<String> guards;
    private final boolean marked;

    private CsvSource(Path file, TextEncoding encoding, char delimiter, HeaderLine header, RecordCursor cursor) {
        this.file = file;
        this.encoding = encoding;
        this.delimiter = delimiter;
        this.header = header;
        this.cursor = cursor;
        this.marked = CsvFlavour.isMarked(header.keys());
        // A UTF-8 byte order mark is what an unmarked spreadsheet file (Excel's "CSV UTF-8") starts with.
        boolean bom = encoding.bomLength() > 0 && encoding.charset().equals(StandardCharsets.UTF_8);
        this.guards = marked ? CsvFlavour::fromSpreadsheetExport : bom ? CsvFlavour::fromSpreadsheet : null;
    }

    /**
     * Opens a file and reads as far as its header.
     *
     * @throws CsvFileRefused when the bytes, the encoding, the quoting or the header refuse the file
     * @throws IOException when the file cannot be read at all
     */
    public static CsvSource open(Path file, CsvReadOptions options) throws IOException {
        return open(file, options, MAX_RECORD_CHARS);
    }

    static CsvSource open(Path file, CsvReadOptions options, int recordLimit) throws IOException {
        TextEncoding encoding = TextEncoding.of(file, options.charsetWithoutBom());
        CsvText text = new CsvText(file, encoding, recordLimit);
        DialectSniffer.Dialect dialect = DialectSniffer.sniff(text, options.knownColumns());
        try {
            HeaderLine header = HeaderLine.of(file, dialect.header(), options);
            return new CsvSource(file, encoding, dialect.delimiter(), header, dialect.cursor());
        } catch (RuntimeException e) {
            dialect.cursor().close();
            throw e;
        }
    }

    /** The next data row (blank rows skipped), or null at the end of the file. */
    @Override
    public CsvRow next() {
        RecordCursor.Record record = cursor.nextNonBlank();
        if (record == null) {
            return null;
        }
        List<String> cells = guards == null ? record.cells() : record.cells().stream().map(guards).toList();
        return new CsvRow(record.line(), cells, header.columns(), header.problemOf(cells));
    }

    /** Reads past up to {@code rows} data rows (to resume after a restart); returns how many there were. */
    @Override
    public long skip(long rows) {
        long skipped = 0;
        while (skipped < rows && cursor.nextNonBlank() != null) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public Path file() {
        return file;
    }

    /**
     * Whether the header carries the mark of a spreadsheet export ({@link CsvFlavour#MARK_COLUMN}): the file was
     * written for a spreadsheet program and may have come back from one, so its guards are undone, BOM or not.
     */
    public boolean cameBackFromSpreadsheet() {
        return marked;
    }

    /** How the file was decoded: {@code UTF-8}, {@code UTF-8 with BOM}, {@code UTF-16LE}, {@code windows-1252}... */
    @Override
    public String encoding() {
        return encoding.label();
    }

    public char delimiter() {
        return delimiter;
    }

    /** The delimiter in words, for people: {@code comma}, {@code semicolon}, {@code tab}, {@code pipe}. */
    @Override
    public String delimiterName() {
        return switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "pipe";
            default -> String.valueOf(delimiter);
        };
    }

    /** The physical line of the header. */
    public long headerLine() {
        return header.line();
    }

    /** The header names as written. */
    @Override
    public List<String> header() {
        return header.names();
    }

    /** Normalised column name to its index (the first one, for an unknown name that repeats). */
    @Override
    public Map<String, Integer> columns() {
        return header.columns();
    }

    @Override
    public void close() {
        cursor.close();
    }
}
