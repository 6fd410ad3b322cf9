package io.catalogbatch.catalog.service;

import java.util.Locale;

/**
 * How catalog files are written for people: {@code spreadsheet} (Excel-safe CSV), {@code raw} (exact CSV) or
 * {@code xlsx} (a workbook of text cells, for people who edit in a spreadsheet program).
 */
public enum ExportFlavour {
    SPREADSHEET, RAW, XLSX;

    public static ExportFlavour of(String raw) {
        return valueOf(raw.strip().toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
