package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.SortedTags;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.shared.faults.FaultPoint;
import java.io.IOException;
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
import java.util.function.Function;
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
 *
 * <p>A model is journalled whole ({@code M}: every column and its tags), or, when only its tags and
 * revision changed since the catalog last held it, as {@code T}: key, revision, tags. A tags file changes
 * most models that way, and a description can be a thousand times longer than the rest. Both records hold
 * values, not differences, so replaying a batch twice, or over files that already hold it, gives the same.
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

    /**
     * Appends one batch. {@code held}: the model as the catalog holds it before this batch, or null for a
     * new model; it decides between an {@code M} and a {@code T} record.
     */
    void append(Collection<ModelSnapshot> models, Function<String, ModelSnapshot> held) throws IOException {
        StringBuilder text = new StringBuilder(models.size() * 128);
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            for (ModelSnapshot model : models) {
                ModelSnapshot before = held.apply(model.key());
                if (before != null && sameButTags(before, model)) {
                    printer.printRecord("T", model.key(), Long.toString(model.revision()), tags(model));
                } else {
                    List<String> cells = new ArrayList<>(12);
                    cells.add("M");
                    cells.addAll(CatalogCsvLayout.modelCells(model));
                    cells.add(tags(model));
                    printer.printRecord(cells);
                }
            }
            printer.printRecord("C", Integer.toString(models.size()));
        }
        byte[] batch = text.toString().getBytes(StandardCharsets.UTF_8);
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }
        long before = channel.size();
        try {
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

    /**
     * Hands every model of every complete batch, in the order they were committed. {@code held}: the model
     * as replayed so far (or as the files hold it), which a {@code T} record completes. A batch's records are
     * read as models only once its {@code C} record is there: the last record of a torn tail can hold half a
     * tag or half a date, which is no model but no damage either.
     */
    void replay(Function<String, ModelSnapshot> held, Consumer<ModelSnapshot> apply) throws IOException {
        if (!exists()) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            long line = 1;
            for (CSVRecord record : parser) {
                String type = record.get(0);
                if ("C".equals(type) && record.size() == 2 && Integer.toString(batch.size()).equals(record.get(1))) {
                    for (Pending committed : batch) {
                        apply.accept(model(committed, held));
                    }
                    batch.clear();
                } else if ("M".equals(type) && record.size() == 12 || "T".equals(type) && record.size() == 4) {
                    batch.add(new Pending(record, line));
                } else {
                    return;
                }
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // A torn last record (a crash mid-append): what came before its batch's C record stands.
        }
    }

    /** A record of a batch whose C record has not come yet, and the line it starts on. */
    private record Pending(CSVRecord record, long line) {
    }

    /** A record of a committed batch: anything it cannot be read as is damage, not a crash. */
    private ModelSnapshot model(Pending pending, Function<String, ModelSnapshot> held) throws IOException {
        CSVRecord record = pending.record();
        try {
            if ("M".equals(record.get(0))) {
                return CatalogCsvLayout.model(record.toList().subList(1, 11), tags(record.get(11)));
            }
            // a key comes once per batch; folded again, since an earlier version's journal holds lower-cased keys
            ModelSnapshot before = held.apply(ModelName.keyOf(record.get(1)));
            if (before == null) {
                throw new IllegalArgumentException("changes the tags of " + record.get(1) + ", which it never added");
            }
            return new ModelSnapshot(before.name(), before.details(), before.status(),
                    Long.parseLong(record.get(2)), SortedTags.copyOf(tags(record.get(3))));
        } catch (RuntimeException e) {
            throw new IOException(file + " line " + pending.line()
                    + ": a committed change cannot be read (" + e.getMessage() + "); the journal is damaged."
                    + " Keep the folder as it is and restore the catalog from a backup", e);
        }
    }

    private static boolean sameButTags(ModelSnapshot before, ModelSnapshot after) {
        return before.name().equals(after.name()) && before.details().equals(after.details())
                && before.status() == after.status();
    }

    private static String tags(ModelSnapshot model) {
        StringBuilder joined = new StringBuilder();
        for (Tag tag : model.tags()) {
            if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(tag.value());
        }
        return joined.toString();
    }

    /** Canonical tags; an earlier version's journal holds lower-cased ones ({@code pixart-ς}), folded here. */
    private static List<Tag> tags(String joined) {
        return joined.isEmpty() ? List.of()
                : Arrays.stream(joined.split(" ")).map(Tag::storedLowerCased).toList();
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
