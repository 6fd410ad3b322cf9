package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.shared.faults.FaultPoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The write-ahead journal of a CSV catalog: each committed batch of changed models is appended and forced
 * to disk, so a commit costs the size of the change, not of the catalog. A batch counts only when its
 * closing {@code C} record made it to disk; a torn tail is ignored. The catalog files are rewritten from
 * it (compacted) when the store closes, and on the next opening after a crash.
 */
final class CatalogJournal implements AutoCloseable {

    static final String FILE = ".journal.csv";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final Path file;
    private FileChannel channel;

    CatalogJournal(Path folder) {
        this.file = folder.resolve(FILE);
    }

    boolean exists() {
        return Files.exists(file);
    }

    void append(Collection<ModelSnapshot> models) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), FORMAT)) {
            for (ModelSnapshot model : models) {
                List<String> cells = new ArrayList<>(CatalogCsvLayout.modelCells(model));
                cells.add(0, "M");
                cells.add(String.join(" ", model.tags().stream().map(Tag::value).toList()));
                printer.printRecord(cells);
            }
            printer.printRecord("C", Integer.toString(models.size()));
        }
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }
        long before = channel.size();
        try {
            byte[] batch = bytes.toByteArray();
            ByteBuffer buffer = ByteBuffer.wrap(batch, 0, batch.length / 2);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            FaultPoint.reach("journal-append");
            buffer = ByteBuffer.wrap(batch, batch.length / 2, batch.length - batch.length / 2);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            // A full disk: take back the part that was written, so no torn batch sits before a later one
            // (replay stops at the first torn record) and a failed first append leaves no empty journal.
            try {
                channel.truncate(before);
                if (before == 0) {
                    delete();
                }
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        FaultPoint.reach("journal-forced");
    }

    /** Hands every model of every complete batch, in the order they were committed. */
    void replay(Consumer<ModelSnapshot> apply) throws IOException {
        if (!exists()) {
            return;
        }
        List<ModelSnapshot> batch = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                if ("C".equals(record.get(0)) && record.size() == 2
                        && Integer.toString(batch.size()).equals(record.get(1))) {
                    batch.forEach(apply);
                    batch.clear();
                } else if ("M".equals(record.get(0)) && record.size() == 12) {
                    List<String> cells = record.toList().subList(1, 11);
                    String tags = record.get(11);
                    batch.add(CatalogCsvLayout.model(cells, tags.isEmpty() ? List.of()
                            : Arrays.stream(tags.split(" ")).map(Tag::new).toList()));
                } else {
                    return;
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // A torn last record (a crash mid-append): what came before its batch's C record stands.
        }
    }

    /** Forgets the journal once the catalog files hold everything it held. */
    void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
