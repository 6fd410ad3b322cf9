package io.catalogbatch.catalog.adapters.csv.cache;

import static io.catalogbatch.catalog.adapters.csv.cache.SnapshotBytes.readFully;
import static io.catalogbatch.catalog.adapters.csv.cache.SnapshotBytes.string;

import io.catalogbatch.catalog.domain.Tag;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a snapshot file: the model count, the offset of each section, the distinct tags (a model's tags
 * are their numbers), the stamps of the CSV files it was made from; then the footer's offset and the end mark.
 */
record SnapshotFooter(int models, List<Long> sections, Tag[] tags, List<CsvStamp> csvFiles) {

    /**
     * "cb-snap2": a new layout changes it, and so does a change of what keys and tags are: a snapshot of
     * "cb-snap1" holds the lower-cased tags of an earlier version, and is read as no snapshot.
     */
    static final long END_MARK = 0x63622D736E617032L;

    /**
     * The footer, or null when the file does not end like a snapshot of this layout made from files of these
     * names, in this order.
     */
    static SnapshotFooter read(FileChannel channel, List<String> csvFileNames) throws IOException {
        long size = channel.size();
        if (size < 16) {
            return null;
        }
        ByteBuffer end = readFully(channel, size - 16, 16);
        long offset = end.getLong();
        long length = size - 16 - offset;
        if (end.getLong() != END_MARK || offset < 0 || length < 0 || length > SnapshotBytes.MAX_PART_BYTES) {
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
        List<CsvStamp> files = new ArrayList<>(csvFileNames.size());
        for (String expected : csvFileNames) {
            CsvStamp stamp = new CsvStamp(string(in), in.getLong(), in.getInt());
            if (!stamp.name().equals(expected)) {
                return null; // the footer has no CRC of its own: never follow a damaged name elsewhere
            }
            files.add(stamp);
        }
        return new SnapshotFooter(models, sections, tags, files);
    }

    /** The footer's bytes, followed by its offset ({@code at}) and the end mark. */
    SnapshotBytes bytes(long at) {
        SnapshotBytes out = new SnapshotBytes();
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
        out.putLong(at);
        out.putLong(END_MARK);
        return out;
    }
}
