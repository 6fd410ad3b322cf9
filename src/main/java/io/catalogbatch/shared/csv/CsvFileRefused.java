package io.catalogbatch.shared.csv;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A structural problem that refuses a whole CSV file (SPEC §3): nothing from it may be stored. Carries the
 * file reason code, the physical line it concerns (0 when it concerns no line) and the column (or empty),
 * and a message in the user's words: which file, where, what is wrong and what to do.
 */
public final class CsvFileRefused extends RuntimeException {

    public static final String EMPTY_FILE = "empty-file";
    public static final String BINARY_CONTENT = "binary-content";
    public static final String BAD_ENCODING = "bad-encoding";
    public static final String UNBALANCED_QUOTE = "unbalanced-quote";
    public static final String MALFORMED_QUOTE = "malformed-quote";
    public static final String MISSING_REQUIRED_COLUMN = "missing-required-column";
    public static final String DUPLICATE_COLUMN = "duplicate-column";
    public static final String TOO_MANY_COLUMNS = "too-many-columns";
    public static final String RECORD_TOO_LARGE = "record-too-large";
    /** An input named as a workbook that is no readable xlsx workbook (docs/spreadsheets.md, "The import"). */
    public static final String BAD_WORKBOOK = "bad-workbook";
    /** A sheet with merged cells: which value belongs to which row is not the reader's guess to make. */
    public static final String MERGED_CELLS = "merged-cells";

    private static final String SAVE_AS_CSV = "Open it in Excel (or LibreOffice) and save it as \"CSV UTF-8\", "
            + "then import that file";

    private final Path file;
    private final String reason;
    private final long line;
    private final String column;

    public CsvFileRefused(Path file, String reason, long line, String column, String message) {
        super(message);
        this.file = file;
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    public Path file() {
        return file;
    }

    /** The file reason code of the specification, e.g. {@code unbalanced-quote}. */
    public String reason() {
        return reason;
    }

    /** The physical 1-based line; 0 when the problem is not about one line. */
    public long line() {
        return line;
    }

    /** The (normalised) column name the problem is about, or empty. */
    public String column() {
        return column;
    }

    static CsvFileRefused emptyFile(Path file) {
        return new CsvFileRefused(file, EMPTY_FILE, 0, "", file + " is empty: it has no header line, only blank "
                + "lines or separators. Export the data again (with its header line) and import the new file.");
    }

    static CsvFileRefused binary(Path file, long line, String what, String todo) {
        return new CsvFileRefused(file, BINARY_CONTENT, line, "", where(file, line) + " " + what + ". " + todo + ".");
    }

    static CsvFileRefused badEncoding(Path file, TextEncoding encoding, BadBytes bad) {
        String what = bad == null
                ? " is not valid " + encoding.charset().name() + " text."
                : (bad.bytes().length == 1 ? ": byte " : ": bytes ") + hex(bad.bytes()) + " (at byte offset "
                        + bad.offset() + ")" + (bad.bytes().length == 1 ? " is" : " are") + " not valid "
                        + encoding.charset().name() + ".";
        String todo;
        if (bad != null && encoding.isDefaultUtf8() && bad.looksLikeWindows1252()) {
            todo = " The file looks like windows-1252 (what Excel writes for plain \"CSV\"): import it again with "
                    + "--charset windows-1252, or save it as \"CSV UTF-8\".";
        } else if (encoding.bomLength() > 0) {
            todo = " The file starts with a " + encoding.label() + " byte order mark but is damaged: export it again.";
        } else {
            todo = " Save the file as \"CSV UTF-8\", or name its encoding with --charset.";
        }
        long line = bad == null ? 0 : bad.line();
        return new CsvFileRefused(file, BAD_ENCODING, line, "", where(file, line) + what + todo);
    }

    /** A U+FFFD in the text: what an earlier conversion left where it could not read a byte. */
    static CsvFileRefused replacementCharacter(Path file, long line) {
        return new CsvFileRefused(file, BAD_ENCODING, line, "", where(file, line) + " holds the replacement "
                + "character U+FFFD (\uFFFD), left by an earlier conversion that could not read some text. Export the "
                + "file again from its source, in UTF-8, and import the new file.");
    }

    static CsvFileRefused unbalancedQuote(Path file, long line) {
        return new CsvFileRefused(file, UNBALANCED_QUOTE, line, "", where(file, line) + ": a quoted field that "
                + "starts in this record is never closed (the file ends inside quotes, it may have been cut off). "
                + "Check that the whole file was copied and that every quote inside a quoted field is doubled (\"\").");
    }

    static CsvFileRefused malformedQuote(Path file, long line) {
        return new CsvFileRefused(file, MALFORMED_QUOTE, line, "", where(file, line) + ": text follows the closing "
                + "quote of a quoted field. Inside quotes write a quote as two quotes (\"\"), not as \\\", "
                + "then import again.");
    }

    static CsvFileRefused recordTooLarge(Path file, long line, int limit) {
        return new CsvFileRefused(file, RECORD_TOO_LARGE, line, "", where(file, line) + ": the record that starts "
                + "here is longer than " + String.format(Locale.ROOT, "%,d", limit) + " characters, usually a quote "
                + "that is never closed or data that is not CSV. Check the quotes from this line on.");
    }

    static CsvFileRefused tooManyColumns(Path file, long line, int columns, int limit) {
        return new CsvFileRefused(file, TOO_MANY_COLUMNS, line, "", where(file, line) + ": the header has "
                + String.format(Locale.ROOT, "%,d", columns) + " columns, at most "
                + String.format(Locale.ROOT, "%,d", limit) + " are allowed. Delete the empty and unused columns "
                + "and import again.");
    }

    static CsvFileRefused duplicateColumn(Path file, long line, String column, int first, int second) {
        return new CsvFileRefused(file, DUPLICATE_COLUMN, line, column, where(file, line) + ": the column \""
                + column + "\" appears twice (columns " + first + " and " + second + "). Keep one of them and "
                + "import again.");
    }

    static CsvFileRefused missingColumn(Path file, long line, String column, List<String> found) {
        String names = found.stream().filter(name -> !name.isBlank()).map(name -> "\"" + name + "\"")
                .collect(Collectors.joining(", "));
        return new CsvFileRefused(file, MISSING_REQUIRED_COLUMN, line, column, where(file, line) + ": the header has "
                + "no column \"" + column + "\", which is required (found: " + (names.isEmpty() ? "none" : names)
                + "). Add the column to the first line and import again.");
    }

    static String saveAsCsv() {
        return SAVE_AS_CSV;
    }

    private static String where(Path file, long line) {
        return line > 0 ? file + " line " + line : file.toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(out.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", b & 0xFF));
        }
        return out.toString();
    }
}
