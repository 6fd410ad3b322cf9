package io.catalogbatch.catalog.adapters.csv;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.SortedTags;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The catalog's models in a binary file beside {@code models.csv} and {@code tags.csv}, read instead of them
 * when it matches them: parsing a million models from CSV takes seconds, every run, while this reads in
 * sections side by side and skips the CSV parse and the gathering of each model's tags. The CSV files stay
 * the catalog; this is a cache of them, trusted only when it names their exact content (size and CRC-32C
 * of each, checked on every read, so an edit by hand or a restored backup is noticed) and its own sections
 * pass their CRC. Anything else (missing, older format, damaged, stale) reads as "no snapshot". The models
 * are rebuilt through the same constructors as from CSV, so the domain's checks still apply.
 *
 * <p>Layout: sections of models (count, byte length, body, CRC of the body), then a footer: the distinct
 * tags, the offset of each section, the two CSV files' sizes and CRCs; the last 16 bytes are the footer's
 * offset and an end mark.
 */
final class CatalogSnapshot {

    static final String FILE = ".snapshot.bin";
    /**
     * "cb-snap2": a new layout changes it, and so does a change of what keys and tags are: a snapshot of
     * "cb-snap1" holds the lower-cased tags of an earlier version, and is read as no snapshot.
     */
    private static final long END_MARK = 0x63622D736E617032L;
    private static final int MODELS_PER_SECTION = 50_000;
    /** Nine lengths, a revision and a tag count: what a model with empty fields takes. */
    private static final int MIN_MODEL_BYTES = 9 * 4 + 8 + 4;
    /** A section of 50,000 models takes about 15 MB, a footer far less; more than this can only be damage. */
    private static final long MAX_SECTION_BYTES = 1 << 30;

    private CatalogSnapshot() {
    }

    /** The models, when the snapshot in {@code folder} matches the catalog files there; else empty. */
    static Optional<List<ModelSnapshot>> read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Footer footer = Footer.read(channel);
            if (footer == null) {
                return Optional.empty();
            }
            ExecutorService threads = Executors.newFixedThreadPool(
                    Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), task -> {
                        Thread thread = new Thread(task, "catalog-snapshot-reader");
                        thread.setDaemon(true);
                        return thread;
                    });
            try {
                List<Future<Boolean>> checks = new ArrayList<>();
                for (CsvStamp stamp : footer.csvFiles()) {
                    checks.add(threads.submit(() -> stamp.equals(CsvStamp.of(folder.resolve(stamp.name())))));
                }
                List<Future<List<ModelSnapshot>>> sections = new ArrayList<>();
                for (long offset : footer.sections()) {
                    sections.add(threads.submit(() -> readSection(file, offset, footer.tags())));
                }
                for (Future<Boolean> check : checks) {
                    if (!result(check)) {
                        return Optional.empty();
                    }
                }
                List<ModelSnapshot> models = new ArrayList<>(footer.models());
                for (Future<List<ModelSnapshot>> section : sections) {
                    List<ModelSnapshot> read = result(section);
                    if (read == null) {
                        return Optional.empty();
                    }
                    models.addAll(read);
                }
                return models.size() == footer.models() ? Optional.of(models) : Optional.empty();
            } finally {
                threads.shutdownNow(); // only the snapshot's own channels are interrupted
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged or unreadable: the CSV files say the same, slower
        }
    }

    /**
     * Writes the snapshot of these models (the catalog's content, in key order) for the catalog files now in
     * {@code folder}: into a temporary file, then moved into place.
     */
    static void write(Path folder, Consumer<Consumer<ModelSnapshot>> models) throws IOException {
        write(folder, models, MODELS_PER_SECTION);
    }

    /** {@link #write}, with sections of {@code perSection} models (tests use small ones). */
    static void write(Path folder, Consumer<Consumer<ModelSnapshot>> models, int perSection) throws IOException {
        Path file = folder.resolve(FILE);
        Path next = folder.resolve(FILE + ".tmp");
        Files.deleteIfExists(file); // stale from here on: the files it names are being replaced or are gone
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(next), 1 << 16)) {
            SectionWriter sections = new SectionWriter(out, perSection);
            models.accept(sections::add);
            sections.finish();
            Footer footer = new Footer(sections.total, sections.offsets, sections.tags(), List.of(
                    CsvStamp.of(folder.resolve(CatalogCsvLayout.MODELS_FILE)),
                    CsvStamp.of(folder.resolve(CatalogCsvLayout.TAGS_FILE))));
            Body end = footer.body();
            end.putLong(sections.written);
            end.putLong(END_MARK);
            out.write(end.bytes, 0, end.size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(next);
            throw e;
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<ModelSnapshot> readSection(Path file, long offset, Tag[] tags) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = readFully(channel, offset, 12);
            int count = head.getInt();
            long length = head.getLong();
            if (count < 0 || length < 0 || length > MAX_SECTION_BYTES || count > length / MIN_MODEL_BYTES) {
                return null;
            }
            ByteBuffer body = readFully(channel, offset + 12, (int) length + 4);
            CRC32C crc = new CRC32C();
            crc.update(body.array(), 0, (int) length);
            if (body.getInt((int) length) != (int) crc.getValue()) {
                return null;
            }
            body.limit((int) length);
            List<ModelSnapshot> models = new ArrayList<>(count);
            Tag[] modelTags = new Tag[16];
            for (int i = 0; i < count; i++) {
                ModelName name = ModelName.of(string(body));
                ModelDetails details = new ModelDetails(string(body), string(body), string(body), string(body),
                        string(body), string(body), string(body));
                Status status = Status.of(string(body));
                long revision = body.getLong();
                int tagCount = body.getInt();
                if (tagCount > modelTags.length) {
                    modelTags = new Tag[tagCount];
                }
                for (int t = 0; t < tagCount; t++) {
                    modelTags[t] = tags[body.getInt()];
                }
                models.add(new ModelSnapshot(name, details, status, revision,
                        SortedTags.copyOf(Arrays.asList(modelTags).subList(0, tagCount))));
            }
            return body.hasRemaining() ? null : models;
        }
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the catalog snapshot ends too soon");
            }
        }
        return buffer.flip();
    }

    /** A string as written by {@link Body#string}: its UTF-8 length, then its bytes. */
    private static String string(ByteBuffer in) throws IOException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IOException("a length out of range in the catalog snapshot: " + length);
        }
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    private static <T> T result(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the catalog snapshot", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    /** Writes models in sections, each with its count, length and CRC; remembers where each began. */
    private static final class SectionWriter {
        private final OutputStream file;
        private final int perSection;
        private final List<ModelSnapshot> pending;
        private final Map<Tag, Integer> tagIds = new HashMap<>();
        private final List<Long> offsets = new ArrayList<>();
        private long written;
        private int total;

        SectionWriter(OutputStream file, int perSection) {
            this.file = file;
            this.perSection = perSection;
            this.pending = new ArrayList<>(perSection);
        }

        void add(ModelSnapshot model) {
            pending.add(model);
            if (pending.size() == perSection) {
                flushSection();
            }
        }

        void finish() {
            if (!pending.isEmpty()) {
                flushSection();
            }
        }

        /** The distinct tags, each at the place its number says. */
        Tag[] tags() {
            Tag[] tags = new Tag[tagIds.size()];
            tagIds.forEach((tag, id) -> tags[id] = tag);
            return tags;
        }

        private void flushSection() {
            Body body = new Body(1 << 20);
            for (ModelSnapshot model : pending) {
                ModelDetails d = model.details();
                body.string(model.name().display());
                body.string(d.description());
                body.string(d.task());
                body.string(d.framework());
                body.string(d.license());
                body.string(d.url());
                body.string(d.created());
                body.string(d.successor());
                body.string(model.status().code());
                body.putLong(model.revision());
                body.putInt(model.tags().size());
                for (Tag tag : model.tags()) {
                    body.putInt(tagIds.computeIfAbsent(tag, t -> tagIds.size()));
                }
            }
            CRC32C crc = new CRC32C();
            crc.update(body.bytes, 0, body.size);
            Body head = new Body();
            head.putInt(pending.size());
            head.putLong(body.size);
            Body tail = new Body();
            tail.putInt((int) crc.getValue());
            try {
                for (Body part : List.of(head, body, tail)) {
                    file.write(part.bytes, 0, part.size);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            offsets.add(written);
            written += head.size + body.size + tail.size;
            total += pending.size();
            pending.clear();
        }
    }

    /** A section's bytes, kept until its length is known. */
    private static final class Body {
        byte[] bytes;
        int size;

        Body(int capacity) {
            bytes = new byte[capacity];
        }

        Body() {
            this(64);
        }

        void string(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            putInt(utf8.length);
            room(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        /** Big-endian, as {@link ByteBuffer} reads it. */
        void putInt(int value) {
            room(4);
            bytes[size++] = (byte) (value >>> 24);
            bytes[size++] = (byte) (value >>> 16);
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) value;
        }

        void putLong(long value) {
            putInt((int) (value >>> 32));
            putInt((int) value);
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
            }
        }
    }

    /** The catalog file a snapshot was made from: its size and the CRC-32C of its bytes. */
    private record CsvStamp(String name, long size, int crc) {

        static CsvStamp of(Path file) throws IOException {
            CRC32C crc = new CRC32C();
            long size = 0;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
                for (int n = channel.read(buffer); n >= 0; n = channel.read(buffer)) {
                    buffer.flip();
                    size += buffer.remaining();
                    crc.update(buffer);
                    buffer.clear();
                }
            } catch (NoSuchFileException e) {
                return new CsvStamp(file.getFileName().toString(), -1, 0);
            }
            return new CsvStamp(file.getFileName().toString(), size, (int) crc.getValue());
        }
    }

    private record Footer(int models, List<Long> sections, Tag[] tags, List<CsvStamp> csvFiles) {

        /** The footer, or null when the file does not end like a snapshot of this layout. */
        static Footer read(FileChannel channel) throws IOException {
            long size = channel.size();
            if (size < 16) {
                return null;
            }
            ByteBuffer end = readFully(channel, size - 16, 16);
            long offset = end.getLong();
            long length = size - 16 - offset;
            if (end.getLong() != END_MARK || offset < 0 || length < 0 || length > MAX_SECTION_BYTES) {
                return null;
            }
            ByteBuffer in = readFully(channel, offset, (int) length);
            int models = in.getInt();
            int sectionCount = in.getInt();
            if (models < 0 || sectionCount < 0 || sectionCount > in.remaining() / 8) {
                return null;
            }
            List<Long> sections = new ArrayList<>(sectionCount);
            for (int i = 0; i < sectionCount; i++) {
                sections.add(in.getLong());
            }
            int tagCount = in.getInt();
            if (tagCount < 0 || tagCount > in.remaining() / 4) {
                return null;
            }
            Tag[] tags = new Tag[tagCount];
            for (int i = 0; i < tags.length; i++) {
                tags[i] = Tag.stored(string(in));
            }
            List<CsvStamp> files = new ArrayList<>(2);
            for (String expected : List.of(CatalogCsvLayout.MODELS_FILE, CatalogCsvLayout.TAGS_FILE)) {
                CsvStamp stamp = new CsvStamp(string(in), in.getLong(), in.getInt());
                if (!stamp.name().equals(expected)) {
                    return null; // the footer has no CRC of its own: never follow a damaged name elsewhere
                }
                files.add(stamp);
            }
            return new Footer(models, sections, tags, files);
        }

        Body body() {
            Body out = new Body();
            out.putInt(models);
            out.putInt(sections.size());
            for (long offset : sections) {
                out.putLong(offset);
            }
            out.putInt(tags.length);
            for (Tag tag : tags) {
                out.string(tag.value());
            }
            for (CsvStamp file : csvFiles) {
                out.string(file.name());
                out.putLong(file.size());
                out.putInt(file.crc());
            }
            return out;
        }
    }
}
