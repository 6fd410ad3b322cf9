package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvSource;
import io.catalogbatch.shared.csv.RowSource;
import io.catalogbatch.shared.xlsx.SheetSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Opens an input file as rows: a file named as a spreadsheet ({@code .xlsx}, {@code .xlsm}, and {@code .xls} or
 * {@code .ods} to be refused in the right words) is read as a workbook, {@link SheetSource}; any other as CSV,
 * {@link CsvSource}. The content must agree with the name: a workbook refuses what is no xlsx (a CSV file named
 * {@code .xlsx} included), and the CSV reader refuses a workbook under another name, saying what it is (SPEC §3).
 */
public final class InputRows {

    private static final Set<String> SPREADSHEET_ENDINGS = Set.of(".xlsx", ".xlsm", ".xls", ".ods");

    private InputRows() {
    }

    public static RowSource open(Path file, CsvReadOptions options) throws IOException {
        return isWorkbook(file) ? SheetSource.open(file, options) : CsvSource.open(file, options);
    }

    /** Whether the file's name says it is a spreadsheet rather than CSV. */
    public static boolean isWorkbook(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot >= 0 && SPREADSHEET_ENDINGS.contains(lower.substring(dot));
    }
}
