package io.catalogbatch.shared.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the first bytes of a file say: refused at once when they are the signature of a binary format,
 * otherwise the charset (a byte order mark decides, else the one the user named) and how many bytes of
 * BOM to skip.
 */
record TextEncoding(Charset charset, int bomLength, String label) {

    private record Signature(byte[] bytes, String what, String todo) {
    }

    private static final String EXPORT_AS_CSV = "Export the data as \"CSV UTF-8\" and import that file";

    private static final List<Signature> SIGNATURES = List.of(
            new Signature(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), "is a PNG image, not a CSV file",
                    EXPORT_AS_CSV),
            new Signature(bytes('P', 'K', 3, 4), "is a ZIP archive, most likely an Excel workbook (.xlsx), not a "
                    + "CSV file", "Name it .xlsx to import it as a workbook, or open it in Excel (or LibreOffice) and "
                    + "save it as \"CSV UTF-8\", then import that file"),
            new Signature(bytes('P', 'K', 5, 6), "is an (empty) ZIP archive, not a CSV file", EXPORT_AS_CSV),
            new Signature(bytes('P', 'K', 7, 8), "is a ZIP archive, not a CSV file", EXPORT_AS_CSV),
            new Signature(bytes('%', 'P', 'D', 'F', '-'), "is a PDF document, not a CSV file", EXPORT_AS_CSV),
            new Signature(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), "is an Office document in the "
                    + "old binary format, most likely an Excel 97-2003 workbook (.xls), not a CSV file",
                    CsvFileRefused.saveAsCsv()),
            new Signature(bytes(0x1F, 0x8B), "is compressed with gzip", "Decompress it (gunzip) and import the CSV "
                    + "file inside"));

    static TextEncoding of(Path file, Charset withoutBom) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        for (Signature signature : SIGNATURES) {
            if (startsWith(head, signature.bytes())) {
                throw CsvFileRefused.binary(file, 0, signature.what(), signature.todo());
            }
        }
        if (startsWith(head, bytes(0xEF, 0xBB, 0xBF))) {
            return new TextEncoding(StandardCharsets.UTF_8, 3, "UTF-8 with BOM");
        }
        if (startsWith(head, bytes(0xFF, 0xFE))) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2, "UTF-16LE");
        }
        if (startsWith(head, bytes(0xFE, 0xFF))) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2, "UTF-16BE");
        }
        return new TextEncoding(withoutBom, 0, withoutBom.name());
    }

    /** UTF-8 without a BOM and without the user naming a charset: where windows-1252 is worth suggesting. */
    boolean isDefaultUtf8() {
        return bomLength == 0 && charset.equals(StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
