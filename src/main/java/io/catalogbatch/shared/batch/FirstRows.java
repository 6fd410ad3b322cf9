package io.catalogbatch.shared.batch;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Within one file the first accepted row for a key wins; later rows for it are duplicates (SPEC §3).
 * Remembers which line claimed each key. A rejected row claims nothing.
 *
 * <p>A tags file of 3 million rows has 3 million keys, all alive until its last row: as a hash map of
 * strings to boxed lines that was half a gigabyte. Here the keys are packed, exactly, into one byte array
 * (a character below 128 in one byte, any other in three), found through an open-addressing table of ints:
 * about 60 bytes a key instead of 160.
 */
public final class FirstRows {

    private static final int MAX_ARENA = Integer.MAX_VALUE - 16;

    /** Entry number + 1 per slot, 0 for a free slot; never more than half full. */
    private int[] table = new int[1 << 10];
    private int[] hashes = new int[1 << 9];
    /** Entry i's key is {@code keys[starts[i]] .. keys[starts[i + 1]]}. */
    private int[] starts = new int[(1 << 9) + 1];
    private long[] lines = new long[1 << 9];
    private byte[] keys = new byte[1 << 14];
    private int size;
    private byte[] probe = new byte[256];
    private int probeLength;

    public OptionalLong claimedBy(String key) {
        int entry = table[slotOf(key)] - 1;
        return entry < 0 ? OptionalLong.empty() : OptionalLong.of(lines[entry]);
    }

    public void claim(String key, long line) {
        int slot = slotOf(key);
        if (table[slot] != 0) {
            return;
        }
        if (size == hashes.length) {
            int capacity = size * 2;
            hashes = Arrays.copyOf(hashes, capacity);
            lines = Arrays.copyOf(lines, capacity);
            starts = Arrays.copyOf(starts, capacity + 1);
        }
        int start = starts[size];
        if ((long) start + probeLength > MAX_ARENA) {
            throw new IllegalStateException("more distinct keys in one file than a run can remember (2 GB)");
        }
        if (start + probeLength > keys.length) {
            keys = Arrays.copyOf(keys, (int) Math.min(MAX_ARENA, Math.max(2L * keys.length, start + probeLength)));
        }
        System.arraycopy(probe, 0, keys, start, probeLength);
        hashes[size] = hash(key);
        lines[size] = line;
        starts[size + 1] = start + probeLength;
        size++;
        table[slot] = size;
        if (size * 2 > table.length) {
            grow();
        }
    }

    public int size() {
        return size;
    }

    /** The slot holding the key, or the free slot where it would go; leaves the key encoded in {@code probe}. */
    private int slotOf(String key) {
        encode(key);
        int hash = hash(key);
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot] - 1;
            if (entry < 0 || hashes[entry] == hash && sameKey(entry)) {
                return slot;
            }
        }
    }

    private boolean sameKey(int entry) {
        int start = starts[entry];
        return starts[entry + 1] - start == probeLength
                && Arrays.equals(keys, start, start + probeLength, probe, 0, probeLength);
    }

    private void grow() {
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int entry = 0; entry < size; entry++) {
            int slot = spread(hashes[entry]) & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = entry + 1;
        }
        table = bigger;
    }

    /** One byte for a character below 128, three (the first one 128 or more) for any other: exact, unambiguous. */
    private void encode(String key) {
        if (probe.length < key.length() * 3) {
            probe = new byte[key.length() * 3];
        }
        int n = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x80) {
                probe[n++] = (byte) c;
            } else {
                probe[n++] = (byte) (0x80 | c >>> 10);
                probe[n++] = (byte) (c >>> 5 & 0x1F);
                probe[n++] = (byte) (c & 0x1F);
            }
        }
        probeLength = n;
    }

    private static int hash(String key) {
        return key.hashCode();
    }

    private static int spread(int hash) {
        return (hash * 0x9E3779B9) ^ (hash >>> 16);
    }
}
