package io.catalogbatch.catalog.adapters.xlsx;

import io.catalogbatch.shared.xlsx.TextWorkbook;

/** Models whose values a spreadsheet program is tempted to read as numbers, dates or formulas (issue #21). */
final class HostileCatalog {

    static final String LONGEST_DESCRIPTION = "Ω".repeat(TextWorkbook.MAX_CELL_CHARS - 1) + "!";

    private HostileCatalog() {
    }

    /** name, description, task, framework, license, url, created, status, successor, revision; then tags. */
    static ListedCatalog models() {
        return new ListedCatalog()
                .add("nlp;über", "007", "- first point", "fill-mask", "pytorch", "3.0", "", "2024-02-29", "active",
                        "", "3")
                .add("", "00123", "+49 30 1234567", "1/2", "(123)", "1,000", "https://example.org/a?b=1&c=2",
                        "2023-01-02", "deprecated", "007", "1")
                .add("x", "1e5", "-5", "50%", "0.10", "", "", "", "archived", "", "2")
                .add("", "12345678901234567890", "'quoted at start", "", "", "", "", "", "active", "", "1")
                .add("formula", "=1+2", "=SUM(A1:A2)", "@handle", "TRUE", "", "", "", "active", "", "2")
                .add("", "-negative-name", "line one\r\nline two\nline three", "", "", "", "", "", "active", "", "1")
                .add("emoji", "émile 日本語 😀", "  leading and trailing  ", "\"quoted\"", "", "", "", "", "deprecated",
                        "", "2")
                .add("", "long", LONGEST_DESCRIPTION, "", "", "", "", "", "active", "", "1");
    }
}
