package io.catalogbatch.catalog.adapters.csv.cache;

import static io.catalogbatch.catalog.adapters.csv.cache.SnapshotBytes.readFully;
import static io.catalogbatch.catalog.adapters.csv.cache.SnapshotBytes.string;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.SortedTags;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads one section of models as {@link SectionWriter} wrote it, on a channel of its own (sections are read side
 * by side), through the same constructors as from CSV, so the domain's checks still apply.
 */
final class SectionReader {

    /** Nine lengths, a revision and a tag count: what a model with empty fields takes. */
    private static final int MIN_MODEL_BYTES = 9 * 4 + 8 + 4;

    private SectionReader() {
    }

    /** The section's models, or null when its lengths or its CRC do not hold. */
    static List<ModelSnapshot> read(Path file, long offset, Tag[] tags) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = readFully(channel, offset, 12);
            int count = head.getInt();
            long length = head.getLong();
            if (count < 0 || length < 0 || length > SnapshotBytes.MAX_PART_BYTES || count > length / MIN_MODEL_BYTES) {
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
}
