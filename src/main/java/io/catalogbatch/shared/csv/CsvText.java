package io.catalogbatch.shared.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.csv.CSVException;

/** The characters of a CSV file, decoded strictly and guarded; and what its decoding and parsing errors mean. */
final class CsvText {

    private static final int SEP_LINE_MAX = 64;

    private final Path file;
    private final TextEncoding encoding;
    private final int recordLimit;

    CsvText(Path file, TextEncoding encoding, int recordLimit) {
        this.file = file;
        this.encoding = encoding;
        this.recordLimit = recordLimit;
    }

    Path file() {
        return file;
    }

    TextEncoding encoding() {
        return encoding;
    }

    /** A fresh reader from the first character after the BOM; the delimiter tells the guard where fields start. */
    Reader reader(char delimiter) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(encoding.bomLength());
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new RecordGuard(new InputStreamReader(in, BadBytes.strict(encoding.charset())), delimiter, file,
                recordLimit);
    }

    /** The delimiter of a first line {@code sep=X} (Excel's way of naming it), if the file has one. */
    /**
     * Whether the text holds nothing but white space, quotes and the candidate delimiters: the blank rows
     * of European (";;;") or tab-separated exports, which are no data whatever the delimiter.
     */
    boolean onlySeparators() throws IOException {
        try (Reader reader = reader(',')) {
            for (int c = reader.read(); c >= 0; c = reader.read()) {
                if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && ",;|\"\uFEFF".indexOf(c) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    Optional<Character> sepLine() {
        char[] start = new char[SEP_LINE_MAX];
        int length = 0;
        try (Reader reader = reader(',')) {
            for (int n = 0; n >= 0 && length < start.length; n = reader.read(start, length, start.length - length)) {
                length += n;
            }
        } catch (IOException e) {
            throw refusal(e, 1);
        }
        String text = new String(start, 0, length);
        int end = firstLineEnd(text);
        if (end < 0 && length == SEP_LINE_MAX) {
            return Optional.empty();
        }
        String line = end < 0 ? text : text.substring(0, end);
        if (line.length() < 5 || !line.regionMatches(true, 0, "sep=", 0, 4)) {
            return Optional.empty();
        }
        char delimiter = line.charAt(4);
        if (delimiter == '"' || Character.isLetterOrDigit(delimiter)) {
            return Optional.empty();
        }
        for (int i = 5; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != delimiter && !Character.isWhitespace(c)) {
                return Optional.empty();
            }
        }
        return Optional.of(delimiter);
    }

    /** What a decoding or parsing error of the record that starts on {@code line} means for the file. */
    RuntimeException refusal(Throwable cause, long line) {
        if (cause instanceof CharacterCodingException) {
            try {
                return CsvFileRefused.badEncoding(file, encoding, BadBytes.find(file, encoding).orElse(null));
            } catch (IOException e) {
                return new UncheckedIOException(e);
            }
        }
        if (cause instanceof CSVException) {
            // commons-csv tells the two quote errors apart only by their message.
            return String.valueOf(cause.getMessage()).contains("EOF reached before encapsulated token finished")
                    ? CsvFileRefused.unbalancedQuote(file, line)
                    : CsvFileRefused.malformedQuote(file, line);
        }
        return cause instanceof IOException io ? new UncheckedIOException(io)
                : new UncheckedIOException(new IOException(cause));
    }

    private static int firstLineEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\r' || text.charAt(i) == '\n') {
                return i;
            }
        }
        return -1;
    }
}
