package io.catalogbatch.catalog.adapters.jdbc;

/**
 * A model's created date in a database column, and back. The domain keeps an ISO date ({@code ""}: unknown); a
 * {@code date} column holds null for unknown, and PostgreSQL knows no year 0: ISO's year 0000 (1 BC, a leap year in
 * both) is its {@code 0001 BC}, which it also prints so.
 */
final class CreatedColumn {

    private static final String BC = " BC";

    private CreatedColumn() {
    }

    /** What PostgreSQL reads as that date: null when unknown. */
    static String toPostgres(String isoDate) {
        if (isoDate == null || isoDate.isEmpty()) {
            return null;
        }
        return isoDate.startsWith("0000-") ? "0001" + isoDate.substring(4) + BC : isoDate;
    }

    /** The ISO date of a column's text (PostgreSQL's {@code date}, or H2's {@code varchar}); null is unknown. */
    static String read(String column) {
        if (column == null) {
            return "";
        }
        return column.endsWith(BC) ? "0000" + column.substring(4, column.length() - BC.length()) : column;
    }
}
