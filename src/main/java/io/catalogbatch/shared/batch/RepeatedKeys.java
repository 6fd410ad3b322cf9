package io.catalogbatch.shared.batch;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The keys that more than one row of a file has, as 64-bit fingerprints, found by the pass that checks
 * the file before it is imported. Only a row whose key may repeat can be a duplicate, so only those keys
 * need remembering while the file is imported: for a file of unique keys (the usual case) none at all.
 *
 * <p>A fingerprint says "maybe": two different keys may share one (then both are remembered, exactly, and
 * nothing is lost but a little memory), but two rows with the same key always share it. Collecting them
 * takes bounded memory: up to {@link Collector#MEMORY_FINGERPRINTS} in memory (8 MB), the rest spilled to
 * a temporary file in blocks, then each of 64 ranges of fingerprints sorted on its own.
 */
public final class RepeatedKeys {

    /** Before the file was checked: any key may repeat, so every key is remembered. */
    public static final RepeatedKeys ANY = new RepeatedKeys(null);

    private final long[] repeated;

    private RepeatedKeys(long[] repeated) {
        this.repeated = repeated;
    }

    public boolean mayRepeat(String key) {
        if (repeated == null) {
            return true;
        }
        return repeated.length > 0 && Arrays.binarySearch(repeated, fingerprint(key)) >= 0;
    }

    /** How many fingerprints more than one row has; -1 before the file was checked. */
    public int count() {
        return repeated == null ? -1 : repeated.length;
    }

    /** FNV-1a over the key's characters, then MurmurHash3's finalizer to spread the bits. */
    static long fingerprint(String key) {
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x100000001B3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xFF51AFD7ED558CCDL;
        hash ^= hash >>> 33;
        hash *= 0xC4CEB9FE1A85EC53L;
        return hash ^ hash >>> 33;
    }

    /** Gathers the fingerprint of every row's key; {@link #finish} says which came more than once. */
    public static final class Collector implements Closeable {

        /** 8 MB: a file of a million rows is collected without touching the disk. */
        static final int MEMORY_FINGERPRINTS = 1 << 20;
        private static final int RANGE_BITS = 6;
        private static final int RANGES = 1 << RANGE_BITS;

        private final Path directory;
        private final int blockSize;
        private final long[][] pending = new long[RANGES][];
        private final int[] pendingCount = new int[RANGES];
        /** Per range, where its full blocks are in the spill file. */
        private final List<List<Long>> spilled = new ArrayList<>();
        private FileChannel spill;

        /** {@code directory}: where fingerprints beyond the memory kept go (a file no one else sees). */
        public Collector(Path directory) {
            this(directory, MEMORY_FINGERPRINTS / RANGES);
        }

        /** {@code blockSize}: fingerprints a range keeps in memory before it spills them. */
        Collector(Path directory, int blockSize) {
            this.directory = directory;
            this.blockSize = blockSize;
            for (int range = 0; range < RANGES; range++) {
                pending[range] = new long[Math.min(64, blockSize)];
                spilled.add(new ArrayList<>());
            }
        }

        public void add(String key) {
            long fingerprint = fingerprint(key);
            int range = (int) (fingerprint >>> (Long.SIZE - RANGE_BITS));
            long[] block = pending[range];
            int count = pendingCount[range];
            if (count == block.length) {
                if (count == blockSize) {
                    spill(range, block);
                    count = 0;
                } else {
                    block = pending[range] = Arrays.copyOf(block, Math.min(blockSize, count * 2));
                }
            }
            block[count] = fingerprint;
            pendingCount[range] = count + 1;
        }

        public RepeatedKeys finish() {
            long[] found = new long[16];
            int foundCount = 0;
            for (int range = 0; range < RANGES; range++) {
                long[] all = gather(range);
                Arrays.sort(all);
                for (int i = 1; i < all.length; i++) {
                    if (all[i] == all[i - 1] && (foundCount == 0 || found[foundCount - 1] != all[i])) {
                        if (foundCount == found.length) {
                            found = Arrays.copyOf(found, foundCount * 2);
                        }
                        found[foundCount++] = all[i];
                    }
                }
            }
            long[] repeated = Arrays.copyOf(found, foundCount);
            Arrays.sort(repeated);
            return new RepeatedKeys(repeated);
        }

        /** Whether some fingerprints went to the temporary file. */
        boolean spilled() {
            return spill != null;
        }

        @Override
        public void close() {
            try {
                if (spill != null) {
                    spill.close(); // deletes the file
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void spill(int range, long[] block) {
            try {
                if (spill == null) {
                    // On Linux and macOS, DELETE_ON_CLOSE unlinks the new file right away: a run killed now
                    // leaves nothing, and a file that could not be opened was not created.
                    Files.createDirectories(directory);
                    spill = FileChannel.open(directory.resolve(".keys-" + UUID.randomUUID() + ".tmp"),
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE,
                            StandardOpenOption.DELETE_ON_CLOSE);
                }
                ByteBuffer bytes = ByteBuffer.allocate(block.length * Long.BYTES);
                bytes.asLongBuffer().put(block);
                long at = spill.size();
                spilled.get(range).add(at);
                while (bytes.hasRemaining()) {
                    at += spill.write(bytes, at);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot spill key fingerprints to a temporary file: " + e.getMessage(), e);
            }
        }

        private long[] gather(int range) {
            List<Long> blocks = spilled.get(range);
            long[] all = new long[blocks.size() * blockSize + pendingCount[range]];
            int at = 0;
            try {
                ByteBuffer bytes = blocks.isEmpty() ? null : ByteBuffer.allocate(blockSize * Long.BYTES);
                for (long position : blocks) {
                    bytes.clear();
                    while (bytes.hasRemaining()) {
                        if (spill.read(bytes, position + bytes.position()) < 0) {
                            throw new IOException("the spill file ended early");
                        }
                    }
                    bytes.flip();
                    bytes.asLongBuffer().get(all, at, blockSize);
                    at += blockSize;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read key fingerprints back: " + e.getMessage(), e);
            }
            System.arraycopy(pending[range], 0, all, at, pendingCount[range]);
            pending[range] = null;
            return all;
        }
    }
}
