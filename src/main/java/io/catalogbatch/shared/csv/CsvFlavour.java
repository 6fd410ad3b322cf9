package io.catalogbatch.shared.csv;

import java.util.Collection;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * How a CSV file is written. {@link #RAW}: RFC 4180, UTF-8 without BOM, nothing altered, so that reading
 * it back gives the same values. {@link #SPREADSHEET}: for Excel and friends: a BOM so UTF-8 is
 * recognised, every cell quoted, and cells that a spreadsheet would run as a formula neutralised with a
 * leading {@code '} (OWASP CSV injection). {@link #SPREADSHEET_EXPORT}: the catalog export for people who edit
 * in a spreadsheet program: {@link #SPREADSHEET} plus a last column named {@link #MARK_COLUMN} that says so and
 * that the programs keep, and a {@code '} before a value that itself starts with {@code '}, so that every guard
 * can be undone on the way back, BOM or not (issue #21).
 */
public enum CsvFlavour {
    RAW(false, false, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get()),
    SPREADSHEET(true, false,
            CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").setQuoteMode(QuoteMode.ALL).get()),
    SPREADSHEET_EXPORT(true, true,
            CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").setQuoteMode(QuoteMode.ALL).get());

    /** The header of the column that marks a spreadsheet export; its cells are empty. */
    public static final String MARK_COLUMN = "catalog-batch spreadsheet export";
    /** {@link #MARK_COLUMN} as a header name reads ({@link CsvHeader#normalise}). */
    public static final String MARK_KEY = CsvHeader.normalise(MARK_COLUMN);

    private final boolean bom;
    private final boolean marked;
    private final CSVFormat format;

    CsvFlavour(boolean bom, boolean marked, CSVFormat format) {
        this.bom = bom;
        this.marked = marked;
        this.format = format;
    }

    public static CsvFlavour of(String raw) {
        return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    }

    public boolean bom() {
        return bom;
    }

    /** Whether files of this flavour carry the {@link #MARK_COLUMN}. */
    public boolean marked() {
        return marked;
    }

    public CSVFormat format() {
        return format;
    }

    /** Whether a header (its names normalised) carries the mark of a spreadsheet export. */
    public static boolean isMarked(Collection<String> normalisedNames) {
        return normalisedNames.contains(MARK_KEY);
    }

    /** The cell as this flavour writes it. */
    public String cell(String value) {
        return switch (this) {
            case RAW -> value;
            case SPREADSHEET -> startsLikeFormula(value) ? "'" + value : value;
            case SPREADSHEET_EXPORT -> startsLikeFormula(value) || value.startsWith("'") ? "'" + value : value;
        };
    }

    /**
     * A cell of an unmarked spreadsheet file (one with a UTF-8 BOM: Excel's "CSV UTF-8", or an export made before
     * the mark) back to its value: the {@code '} that neutralised a formula is dropped. (A value that itself starts
     * with {@code '} and then a formula character comes back without that {@code '}: such files cannot tell.)
     */
    public static String fromSpreadsheet(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && startsLikeFormula(cell.substring(1))
                ? cell.substring(1) : cell;
    }

    /**
     * A cell of a marked file ({@link #SPREADSHEET_EXPORT}) back to its value: the one {@code '} before a value
     * that starts like a formula or with {@code '} is dropped, and a lone {@code '} is an empty cell (LibreOffice
     * Calc writes an empty text cell so, whatever its CSV options). The exact inverse of {@link #cell} of that
     * flavour, which never writes a lone {@code '}.
     */
    public static String fromSpreadsheetExport(String cell) {
        if (cell.length() < 2 || cell.charAt(0) != '\'') {
            return cell.equals("'") ? "" : cell;
        }
        String value = cell.substring(1);
        return value.charAt(0) == '\'' || startsLikeFormula(value) ? value : cell;
    }

    /** TAB, CR or LF first, or {@code = + - @} as the first character that is not white space. */
    static boolean startsLikeFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n') {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return c == '=' || c == '+' || c == '-' || c == '@';
            }
        }
        return false;
    }
}
