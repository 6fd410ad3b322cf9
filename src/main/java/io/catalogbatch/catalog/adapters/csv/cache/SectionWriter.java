package io.catalogbatch.catalog.adapters.csv.cache;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Tag;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Writes models in sections (count, byte length, body, CRC-32C of the body), numbering the distinct tags as it
 * goes; remembers where each section began, for the footer.
 */
final class SectionWriter {

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

    /** How many models were written. */
    int total() {
        return total;
    }

    /** Where each section begins. */
    List<Long> offsets() {
        return offsets;
    }

    /** How many bytes the sections took: where the footer begins. */
    long written() {
        return written;
    }

    /** The distinct tags, each at the place its number says. */
    Tag[] tags() {
        Tag[] tags = new Tag[tagIds.size()];
        tagIds.forEach((tag, id) -> tags[id] = tag);
        return tags;
    }

    private void flushSection() {
        SnapshotBytes body = new SnapshotBytes(1 << 20);
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
        SnapshotBytes head = new SnapshotBytes();
        head.putInt(pending.size());
        head.putLong(body.size);
        SnapshotBytes tail = new SnapshotBytes();
        tail.putInt((int) crc.getValue());
        try {
            for (SnapshotBytes part : List.of(head, body, tail)) {
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
