package io.catalogbatch.catalog.entrypoints.launch;

import io.catalogbatch.catalog.service.ErrorsWorkbooks;
import io.catalogbatch.catalog.service.ErrorsWorkbooks.InputWorkbook;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The file of the report folder that holds an input file's rejected rows for the user to fix: {@code
 * models.errors.csv}, or, when the input is a workbook, {@code models.errors.xlsx} beside it. The workbook is made
 * at the end of each run from the whole CSV (the durable record, written as rows are rejected and kept across a
 * restart): after every step that reports rejects, the replace mode's last one included, and again, whole, at the
 * end of a run resumed after a failure.
 */
final class ErrorsFiles {

    static final String CSV = ".errors.csv";
    static final String XLSX = ".errors.xlsx";

    private final ErrorsWorkbooks workbooks;
    private final Path folder;

    ErrorsFiles(ErrorsWorkbooks workbooks, Path folder) {
        this.workbooks = workbooks;
        this.folder = folder;
    }

    /** The errors file's name in the report folder, the workbook written first; empty when nothing was rejected. */
    String of(String role, Path input, long rejected) throws IOException {
        if (rejected == 0) {
            return "";
        }
        String csv = role + CSV;
        Optional<InputWorkbook> workbook = workbooks.inspect(input, role);
        if (workbook.isEmpty()) {
            return csv;
        }
        String xlsx = role + XLSX;
        return workbooks.write(folder.resolve(csv), folder.resolve(xlsx), workbook.get()) ? xlsx : csv;
    }
}
