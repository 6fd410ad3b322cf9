package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.AtomicFile;
import io.catalogbatch.shared.csv.CsvFlavour;
import io.catalogbatch.shared.csv.CsvHeader;
import io.catalogbatch.shared.csv.CsvRow;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The rejected rows of one input file ({@code models.errors.csv}): the original columns, as written,
 * then {@code error_line,error_reason,error_field,error_message}, so that the user fixes the cells and
 * imports the file again (the error columns are unknown to the importer and ignored). Written at once,
 * outside any chunk transaction, so a rollback never loses a reject; a line already reported (by an
 * execution that failed and is being restarted) is not reported twice.
 */
public final class RejectsFile implements RowRejections, AutoCloseable {

    public static final List<String> ERROR_COLUMNS = List.of("error_line", "error_reason", "error_field",
            "error_message");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final Path file;
    private final List<Integer> kept = new ArrayList<>();
    /** The flavour of the input: a marked file's errors file is marked too (its header is the input's). */
    private final CsvFlavour flavour;
    private final Set<Long> reported = new HashSet<>();
    private CSVPrinter printer;
    private long count;

    public RejectsFile(Path file, List<String> originalHeader) {
        this.file = file;
        this.flavour = CsvFlavour.isMarked(originalHeader.stream().map(CsvHeader::normalise).toList())
                ? CsvFlavour.SPREADSHEET_EXPORT : CsvFlavour.SPREADSHEET;
        for (int i = 0; i < originalHeader.size(); i++) {
            // The error columns of an errors file being imported again are replaced, not repeated.
            if (!ERROR_COLUMNS.contains(CsvHeader.normalise(originalHeader.get(i)))) {
                kept.add(i);
            }
        }
        try {
            if (Files.exists(file)) {
                readReportedLines();
                openPrinter(StandardOpenOption.APPEND);
            } else {
                Files.createDirectories(file.toAbsolutePath().getParent());
                openPrinter(StandardOpenOption.CREATE_NEW);
                printer.getOut().append('\uFEFF'); // so that spreadsheets read the file as UTF-8
                List<String> header = new ArrayList<>();
                kept.forEach(i -> header.add(originalHeader.get(i)));
                header.addAll(ERROR_COLUMNS);
                printer.printRecord(header);
                printer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejected rows to " + file, e);
        }
    }

    /** Reports a row; the message says what is wrong and what to do, in the user's words. */
    @Override
    public synchronized void reject(CsvRow row, String reason, String field, String message) {
        if (!reported.add(row.line())) {
            return;
        }
        List<String> cells = new ArrayList<>(kept.size() + ERROR_COLUMNS.size());
        for (int i : kept) {
            // Spreadsheet-safe, like an export: the file is opened in Excel, and imports back unchanged.
            cells.add(flavour.cell(i < row.cells().size() ? row.cells().get(i) : ""));
        }
        cells.add(Long.toString(row.line()));
        cells.add(reason);
        cells.add(field);
        cells.add(message);
        try {
            printer.printRecord(cells);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejected rows to " + file, e);
        }
        count++;
    }

    /** Whether this line was reported, by this execution or an earlier one of the same run. */
    public synchronized boolean reported(long line) {
        return reported.contains(line);
    }

    /** Rejected rows reported by this and earlier executions of the run. */
    public synchronized long count() {
        return count;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        printer.close();
    }

    /**
     * Puts the rows of a closed errors file in line order (they are written as found: value errors while
     * rows are read, rule errors when their chunk is written), so the user fixes the sheet top to bottom.
     */
    public static void sortByLine(Path file) throws IOException {
        List<CSVRecord> rows = new ArrayList<>();
        List<String> header;
        try (Reader reader = afterBom(Files.newBufferedReader(file, StandardCharsets.UTF_8));
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            var records = parser.iterator();
            header = records.next().toList();
            records.forEachRemaining(rows::add);
        }
        int lineColumn = header.size() - ERROR_COLUMNS.size();
        rows.sort(Comparator.comparingLong(row -> Long.parseLong(row.get(lineColumn))));
        AtomicFile.write(file, out -> {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF'); // the BOM again, outside the first cell: read as data, it would be quoted into it
            CSVPrinter sorted = new CSVPrinter(writer, FORMAT);
            sorted.printRecord(header);
            for (CSVRecord row : rows) {
                sorted.printRecord(row.toList());
            }
            sorted.flush(); // AtomicFile forces and closes the stream itself
        });
    }

    /** The reader past the byte order mark the file starts with. */
    private static Reader afterBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private void openPrinter(StandardOpenOption mode) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, mode, StandardOpenOption.WRITE);
        printer = new CSVPrinter(writer, FORMAT);
    }

    private void readReportedLines() throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            boolean header = true;
            for (CSVRecord record : parser) {
                if (!header && record.size() >= ERROR_COLUMNS.size()) {
                    reported.add(Long.parseLong(record.get(record.size() - ERROR_COLUMNS.size())));
                }
                header = false;
            }
        }
        count = reported.size();
    }
}
