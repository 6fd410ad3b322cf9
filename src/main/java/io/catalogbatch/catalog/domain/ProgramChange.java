package io.catalogbatch.catalog.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * A difference between a stored value and a cell that a spreadsheet program makes on its own when it reads a
 * file and saves it again (issue #21 item 4): the program's doing, not the user's edit, so it is never applied.
 * {@link #between} answers "could a program have turned the stored value into this cell?". A user who really
 * typed such a value (3 for 3.0) cannot be told from the program: the stored value is kept and the cell listed,
 * so they see it and can type it again in a text cell.
 */
public record ProgramChange(Kind kind, String stored, String cell) {

    /** What the program did. */
    public enum Kind {
        /** CR LF (or a lone CR) inside a cell written back as LF. */
        LINE_ENDS,
        /** A value read as a number and written as the program shows it: {@code 3.0 -> 3}, {@code 007 -> 7}. */
        NUMBER,
        /** A value read as a date and written in another form, or as a serial number: {@code 2024-02-29 -> 45351}. */
        DATE,
        /** A value read as a truth value and written in capitals: {@code true -> TRUE}. */
        TRUTH_VALUE,
        /** The leading {@code '} of a value taken for the program's "this is text" sign and dropped. */
        APOSTROPHE
    }

    /** The change a spreadsheet program could have made to turn {@code stored} into {@code cell}, if any. */
    public static Optional<ProgramChange> between(String stored, String cell) {
        if (stored.equals(cell)) {
            return Optional.empty();
        }
        Kind kind = kindOf(stored, cell);
        return kind == null ? Optional.empty() : Optional.of(new ProgramChange(kind, stored, cell));
    }

    private static Kind kindOf(String stored, String cell) {
        String lines = withLfLineEnds(stored);
        if (cell.equals(lines)) {
            return Kind.LINE_ENDS;
        }
        if (stored.startsWith("'") && (cell.equals(stored.substring(1)) || cell.equals(lines.substring(1)))) {
            return Kind.APOSTROPHE;
        }
        if (SpreadsheetNumbers.same(stored, cell)) {
            return Kind.NUMBER;
        }
        if (SpreadsheetDates.same(stored, cell)) {
            return Kind.DATE;
        }
        if ((stored.equalsIgnoreCase("true") || stored.equalsIgnoreCase("false"))
                && cell.equals(stored.toUpperCase(Locale.ROOT))) {
            return Kind.TRUTH_VALUE;
        }
        return null;
    }

    /** A value in quotes, line breaks visible, long ones shortened: the report shows the whole cells. */
    static String shown(String value) {
        String escaped = value.replace("\r", "\\r").replace("\n", "\\n");
        return "\"" + (escaped.length() > 40 ? escaped.substring(0, 40) + "..." : escaped) + "\"";
    }

    private static String withLfLineEnds(String value) {
        return value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The likely cause, in the user's words, with what to do about it. */
    public String cause() {
        String was = shown(stored);
        String is = shown(cell);
        return switch (kind) {
            case LINE_ENDS -> "your spreadsheet program wrote the line breaks of this cell as LF instead of CR LF";
            case NUMBER -> String.format("your spreadsheet program read %s as a number and wrote it back as %s: "
                    + "format the column as text, or edit the xlsx export", was, is);
            case DATE -> String.format("your spreadsheet program read %s as a date and wrote it back as %s: "
                    + "format the column as text, or edit the xlsx export", was, is);
            case TRUTH_VALUE -> String.format("your spreadsheet program read %s as a truth value and wrote it back "
                    + "as %s: format the column as text, or edit the xlsx export", was, is);
            case APOSTROPHE -> String.format("your spreadsheet program took the leading ' of %s for its text sign "
                    + "and dropped it: edit the xlsx export instead", was);
        };
    }
}
