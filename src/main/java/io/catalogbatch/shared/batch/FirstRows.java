package io.catalogbatch.shared.batch;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * {@link FirstRowWins} in memory, for a file read by one step in file order: remembers which line claimed
 * each key.
 *
 * <p>A tags file of 3 million rows has 3 million keys, all alive until its last row: as a hash map of
 * strings to boxed lines that was half a gigabyte. Here the keys are packed, exactly, into blocks of bytes
 * (a character below 128 in one byte, any other in three; each key after its length), found through an
 * open-addressing table of ints: about 60 bytes a key instead of 160. Blocks rather than one array grown by
 * doubling: that left up to half the array unused, and needed old and new array at once while copying
 * (for a tags file of 3 million rows, 128 MB of keys in a 256 MB array, plus the 128 MB being copied).
 *
 * <p>Once the file was checked, only keys that {@link RepeatedKeys may repeat} are remembered: a key that
 * one row alone has can never be claimed twice, so a file of unique keys costs no memory here at all.
 */
public final class FirstRows implements FirstRowWins {

    private static final int BLOCK_BITS = 20;
    private static final int BLOCK_SIZE = 1 << BLOCK_BITS;
    private static final int MAX_BLOCKS = 1 << (31 - BLOCK_BITS);
    /** A key's length before it: three bytes, as a key is at most three bytes a character of a Java string. */
    private static final int LENGTH_BYTES = 3;

    /** Entry number + 1 per slot, 0 for a free slot; never more than half full. */
    private int[] table = new int[1 << 10];
    private int[] hashes = new int[1 << 9];
    /** Where entry i's key is: block number (high bits) and offset in the block, the key's length first. */
    private int[] places = new int[1 << 9];
    private long[] lines = new long[1 << 9];
    /** Blocks of {@link #BLOCK_SIZE} bytes, or one key's own block when it is longer. */
    private byte[][] blocks = new byte[16][];
    private int blockCount;
    private int used = BLOCK_SIZE;
    private int size;
    private byte[] probe = new byte[256];
    private int probeLength;
    private RepeatedKeys among = RepeatedKeys.ANY;
    /** The key last asked about, and whether it may repeat: a row asks {@link #claimedBy}, then {@link #claim}. */
    private String lastKey;
    private boolean lastMayRepeat;

    /** From now on, remembers only the keys that may repeat. */
    public void onlyAmong(RepeatedKeys repeated) {
        this.among = repeated;
        this.lastKey = null;
    }

    @Override
    public OptionalLong claimedBy(String key) {
        if (!mayRepeat(key)) {
            return OptionalLong.empty();
        }
        int entry = table[slotOf(key)] - 1;
        return entry < 0 ? OptionalLong.empty() : OptionalLong.of(lines[entry]);
    }

    @Override
    public void claim(String key, long line) {
        if (!mayRepeat(key)) {
            return;
        }
        int slot = slotOf(key);
        if (table[slot] != 0) {
            return;
        }
        if (size == hashes.length) {
            int capacity = size + size / 2;
            hashes = Arrays.copyOf(hashes, capacity);
            lines = Arrays.copyOf(lines, capacity);
            places = Arrays.copyOf(places, capacity);
        }
        hashes[size] = hash(key);
        lines[size] = line;
        places[size] = store();
        size++;
        table[slot] = size;
        if (size * 2 > table.length) {
            grow();
        }
    }

    private boolean mayRepeat(String key) {
        if (key != lastKey) { // the same string, not an equal one: no characters compared
            lastMayRepeat = among.mayRepeat(key);
            lastKey = key;
        }
        return lastMayRepeat;
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

    /** Copies the encoded key, after its length, to the end of the last block (or a new one); where it went. */
    private int store() {
        if (probeLength >= 1 << 8 * LENGTH_BYTES) {
            throw new IllegalArgumentException("a key of " + probeLength + " bytes is too long to remember");
        }
        int length = LENGTH_BYTES + probeLength;
        if (used + length > BLOCK_SIZE) {
            if (blockCount == MAX_BLOCKS) {
                throw new IllegalStateException("more distinct keys in one file than a run can remember (2 GB)");
            }
            if (blockCount == blocks.length) {
                blocks = Arrays.copyOf(blocks, blocks.length * 2);
            }
            blocks[blockCount++] = new byte[Math.max(BLOCK_SIZE, length)];
            used = 0;
        }
        byte[] block = blocks[blockCount - 1];
        int offset = used;
        block[offset] = (byte) (probeLength >>> 16);
        block[offset + 1] = (byte) (probeLength >>> 8);
        block[offset + 2] = (byte) probeLength;
        System.arraycopy(probe, 0, block, offset + LENGTH_BYTES, probeLength);
        used += length;
        return (blockCount - 1) << BLOCK_BITS | offset;
    }

    private boolean sameKey(int entry) {
        byte[] block = blocks[places[entry] >>> BLOCK_BITS];
        int offset = places[entry] & BLOCK_SIZE - 1;
        int length = (block[offset] & 0xFF) << 16 | (block[offset + 1] & 0xFF) << 8 | block[offset + 2] & 0xFF;
        return length == probeLength && Arrays.equals(block, offset + LENGTH_BYTES, offset + LENGTH_BYTES + length,
                probe, 0, probeLength);
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
