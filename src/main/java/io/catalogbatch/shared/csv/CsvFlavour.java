package io.catalogbatch.shared.csv;

import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * How a CSV file is written. {@link #RAW}: RFC 4180, UTF-8 without BOM, nothing altered, so that reading
 * it back gives the same values. {@link #SPREADSHEET}: for Excel and friends: a BOM so UTF-8 is
 * recognised, every cell quoted, and cells that a spreadsheet would run as a formula neutralised with a
 * leading {@code '} (OWASP CSV injection).
 */
public enum CsvFlavour {
    RAW(false, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get()),
    SPREADSHEET(true, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").setQuoteMode(QuoteMode.ALL).get());

    private final boolean bom;
    private final CSVFormat format;

    CsvFlavour(boolean bom, CSVFormat format) {
        this.bom = bom;
        this.format = format;
    }

    public static CsvFlavour of(String raw) {
        return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    }

    public boolean bom() {
        return bom;
    }

    public CSVFormat format() {
        return format;
    }

    /** The cell as this flavour writes it. */
    public String cell(String value) {
        return this == SPREADSHEET && startsLikeFormula(value) ? "'" + value : value;
    }

    /**
     * A cell as a spreadsheet export wrote it, back to its value: the {@code '} that neutralised a
     * formula is dropped. (A value that itself starts with {@code '} and then a formula character comes
     * back without that {@code '}: the one thing a spreadsheet round trip cannot tell apart.)
     */
    public static String fromSpreadsheet(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && startsLikeFormula(cell.substring(1))
                ? cell.substring(1) : cell;
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
