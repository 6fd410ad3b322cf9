package io.catalogbatch.catalog.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The errors file of an input workbook (issue #21): when the rows came from a workbook, the rejected ones go back
 * to the user as a workbook too, made from the run's errors CSV once its rejects are complete.
 */
public interface ErrorsWorkbooks {

    /** An input file that is a workbook: the sheet its rows were read from, and whether catalog-batch exported it. */
    record InputWorkbook(String sheet, boolean exportedByCatalogBatch) {
    }

    /** The input file as a workbook (by its bytes, not its name), or empty: a CSV file. {@code role}: models, tags. */
    Optional<InputWorkbook> inspect(Path input, String role) throws IOException;

    /**
     * Writes {@code target}, the errors workbook of {@code input}, from its errors CSV. False when the rejects do
     * not fit in a sheet: nothing is written, and the CSV is the errors file.
     */
    boolean write(Path errorsCsv, Path target, InputWorkbook input) throws IOException;
}
