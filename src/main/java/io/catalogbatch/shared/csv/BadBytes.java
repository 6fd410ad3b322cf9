package io.catalogbatch.shared.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The first bytes of a file that do not decode in its charset, with their byte offset and physical line.
 * Looked for only once decoding has failed: the streaming decoder that found the problem cannot say where.
 */
record BadBytes(long offset, long line, byte[] bytes) {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static Optional<BadBytes> find(Path file, TextEncoding encoding) throws IOException {
        CharsetDecoder decoder = strict(encoding.charset());
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long start = encoding.bomLength();
        long line = 1;
        boolean afterCr = false;
        boolean end = false;
        try (InputStream stream = Files.newInputStream(file)) {
            stream.skipNBytes(encoding.bomLength());
            while (true) {
                if (!end) {
                    int n = stream.read(in.array(), in.position(), in.remaining());
                    end = n < 0;
                    in.position(in.position() + Math.max(n, 0));
                }
                in.flip();
                CoderResult result = decoder.decode(in, out, end);
                out.flip();
                while (out.hasRemaining()) {
                    char c = out.get();
                    if (c == '\r' || c == '\n' && !afterCr) {
                        line++;
                    }
                    afterCr = c == '\r';
                }
                out.clear();
                if (result.isError()) {
                    byte[] bad = new byte[result.length()];
                    in.get(in.position(), bad);
                    return Optional.of(new BadBytes(start + in.position(), line, bad));
                }
                start += in.position();
                in.compact();
                if (end && result.isUnderflow()) {
                    return Optional.empty();
                }
            }
        }
    }

    /** High bytes that windows-1252 maps to characters (é as 0xE9, say), the usual mark of a "CSV" from Excel. */
    boolean looksLikeWindows1252() {
        for (byte b : bytes) {
            if ((b & 0x80) == 0) {
                return false;
            }
        }
        try {
            strict(WINDOWS_1252).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
