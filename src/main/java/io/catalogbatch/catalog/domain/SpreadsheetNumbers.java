package io.catalogbatch.catalog.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text a spreadsheet program reads as a number (LibreOffice Calc, Gnumeric, Excel with their default CSV options),
 * and whether two texts are the same number as a program writes it: {@code 007}, {@code 3.0}, {@code 1e5},
 * {@code 1,000}, {@code (123)}, {@code 50%}; long digit strings come back rounded to the 15 significant digits
 * of a spreadsheet cell ({@code 1.23456789012346E+019}) or to the nearest double.
 */
final class SpreadsheetNumbers {

    /** The significant digits of a spreadsheet number: a cell written with fewer was not rounded by the program. */
    private static final int PROGRAM_PRECISION = 15;
    private static final Pattern NUMBER = Pattern.compile(
            "([+-]?)(\\(?)((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]{1,4})?(\\)?)(%?)");

    /**
     * How a program writes a number back: in "General" format (no leading or trailing zeros, no grouping), in
     * scientific notation ({@code 1.00E+05}), or as a percentage ({@code 50.00%}: Calc keeps the format it
     * detected). A cell in another form ({@code 007}, {@code 3.0}) was typed, not written by the program.
     */
    private static final Pattern WRITTEN = Pattern.compile(
            "-?(?:(?:0|[1-9][0-9]*)(?:\\.[0-9]*[1-9])?|[1-9](?:\\.[0-9]+)?[eE][+-]?[0-9]+|[0-9]+(?:\\.[0-9]+)?%)");

    private SpreadsheetNumbers() {
    }

    /** Whether a program reads the stored text as a number, and could have written it as the cell. */
    static boolean same(String stored, String cell) {
        BigDecimal was = valueOf(stored);
        BigDecimal is = was == null || !WRITTEN.matcher(cell.strip()).matches() ? null : valueOf(cell);
        if (is == null) {
            return false;
        }
        if (was.compareTo(is) == 0) {
            return true;
        }
        if (is.precision() < PROGRAM_PRECISION) {
            return false; // a rounding to fewer digits is the user's (3.5 -> 4), not the program's
        }
        MathContext cellDigits = new MathContext(PROGRAM_PRECISION, RoundingMode.HALF_UP);
        double wasDouble = was.doubleValue();
        return was.round(cellDigits).compareTo(is.round(cellDigits)) == 0
                || (Double.isFinite(wasDouble) && wasDouble == is.doubleValue());
    }

    /** The number a program reads in the text, or null when it reads text. */
    static BigDecimal valueOf(String text) {
        Matcher m = NUMBER.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        boolean parenthesised = !m.group(2).isEmpty();
        if (parenthesised != !m.group(5).isEmpty() || (parenthesised && !m.group(1).isEmpty())) {
            return null;
        }
        String digits = m.group(3).replace(",", "");
        String exponent = m.group(4) == null ? "" : m.group(4);
        BigDecimal value = new BigDecimal(digits + exponent);
        if (!m.group(6).isEmpty()) {
            value = value.movePointLeft(2);
        }
        return m.group(1).equals("-") || parenthesised ? value.negate() : value;
    }
}
