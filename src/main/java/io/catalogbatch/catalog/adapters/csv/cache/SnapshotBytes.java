package io.catalogbatch.catalog.adapters.csv.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bytes of the snapshot file, kept until their length is known: big-endian numbers, as {@link ByteBuffer} reads
 * them, and strings as their UTF-8 length, then their bytes. Also the reading side of the same encoding.
 */
final class SnapshotBytes {

    /** A section of 50,000 models takes about 15 MB, a footer far less; more than this can only be damage. */
    static final long MAX_PART_BYTES = 1 << 30;

    byte[] bytes;
    int size;

    SnapshotBytes(int capacity) {
        bytes = new byte[capacity];
    }

    SnapshotBytes() {
        this(64);
    }

    void string(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        putInt(utf8.length);
        room(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
    }

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

    static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the catalog snapshot ends too soon");
            }
        }
        return buffer.flip();
    }

    /** A string as written by {@link #string(String)}: its UTF-8 length, then its bytes. */
    static String string(ByteBuffer in) throws IOException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IOException("a length out of range in the catalog snapshot: " + length);
        }
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }
}
