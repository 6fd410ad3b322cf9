package io.catalogbatch.catalog.adapters.csv.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/** A catalog file a snapshot was made from: its size and the CRC-32C of its bytes (size -1: no such file). */
record CsvStamp(String name, long size, int crc) {

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
