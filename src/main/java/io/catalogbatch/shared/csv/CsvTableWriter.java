package io.catalogbatch.shared.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/** Writes one CSV table (a header and rows) in a {@link CsvFlavour}, streaming, to a stream or atomically to a file. */
public final class CsvTableWriter implements AutoCloseable {

    /** Produces the rows of a table. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(CsvTableWriter table) throws IOException;
    }

    private final CsvFlavour flavour;
    private final CSVPrinter printer;
    private final List<String> row = new ArrayList<>();

    private CsvTableWriter(OutputStream out, CsvFlavour flavour, List<String> header) throws IOException {
        this.flavour = flavour;
        if (flavour.bom()) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.printer = new CSVPrinter(writer, flavour.format());
        if (flavour.marked()) {
            List<String> marked = new ArrayList<>(header);
            marked.add(CsvFlavour.MARK_COLUMN);
            printer.printRecord(marked);
        } else {
            printer.printRecord(header);
        }
    }

    /** Writes the table to {@code target}, which appears whole or not at all. */
    public static void writeAtomically(Path target, CsvFlavour flavour, List<String> header, Rows rows)
            throws IOException {
        AtomicFile.write(target, out -> {
            CsvTableWriter table = new CsvTableWriter(out, flavour, header);
            rows.writeTo(table);
            table.flush();
        });
    }

    /** A table on a stream the caller owns (standard output, say); {@link #close()} flushes it. */
    public static CsvTableWriter on(OutputStream out, CsvFlavour flavour, List<String> header) throws IOException {
        return new CsvTableWriter(out, flavour, header);
    }

    public void row(String... cells) throws IOException {
        row(List.of(cells));
    }

    public void row(List<String> cells) throws IOException {
        row.clear();
        for (String cell : cells) {
            row.add(flavour.cell(cell));
        }
        if (flavour.marked()) {
            row.add("");
        }
        printer.printRecord(row);
    }

    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
