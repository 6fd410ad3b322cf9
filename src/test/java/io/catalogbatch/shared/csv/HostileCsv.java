package io.catalogbatch.shared.csv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators for property tests of the reader: random tables of hostile cells (quotes, delimiters, line
 * ends, white space of many kinds, BOMs, controls, surrogate pairs, combining marks, formulas), written
 * as CSV files in random dialects (delimiter, line ends, quoting, encoding and BOM, a {@code sep=} line,
 * blank lines), together with what a correct reader must make of them: each non-blank row with the
 * physical line it starts on. And mutations that break a written file in the ways real files break.
 */
public final class HostileCsv {

    /** The pieces cells are made of: every one a well-formed string, so every encoding can carry it. */
    static final List<String> ATOMS = List.of(
            "a", "b", "Z", "x", "7", "0", "name", "model", " ", "  ", "\t", ",", ";", "|", "\"", "\"\"", "'",
            "\r", "\n", "\r\n", "\n\r", "\u00A0", "\u2003", "\u3000", "\u2028", "\u2029", "\u0085", "\uFEFF",
            "\u200B", "\u0001", "\u001F", "\u007F", "\u009B", "\u202E", "\u2066", "é", "e\u0301", "\u0301",
            "ß", "İ", "ǅ", "Ж", "日本語", "עברית", "العربية", "\uD83D\uDE00", "\uD834\uDD1E", "\uD801\uDC28",
            "\uFF21", "\uFB01", "=SUM(A1)", "'=1", "+1", "-", "@x", "#N/A", "sep=;", "\\", "\\\"", "NULL", "TRUE",
            "007", "http://example.org/a?b=c,d", "2024-01-15", "15/01/2024");

    static final List<String> HEADER_NAMES = List.of("a", "b", "c", "name", "Description", "TAGS", "col 5",
            "x_y", "Zeta", "q9", "ümlaut", "日本");

    /** How a table is written. */
    public enum Encoding {
        UTF8(StandardCharsets.UTF_8, new byte[0]),
        UTF8_BOM(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
        UTF16LE_BOM(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
        UTF16BE_BOM(StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF});

        final Charset charset;
        final byte[] bom;

        Encoding(Charset charset, byte[] bom) {
            this.charset = charset;
            this.bom = bom;
        }
    }

    /** A table: the header names and the rows, each a list of cells of any length. */
    public record Table(List<String> header, List<List<String>> rows) {
    }

    /**
     * The written form: delimiter, the line ends to pick from, encoding, a {@code sep=} first line, how many
     * blank lines come before the header, whether the last row ends with a line end, and the seed of the
     * small choices made per cell (quote when not needed, spaces after a closing quote) and per line end.
     */
    public record Dialect(char delimiter, List<String> lineEnds, Encoding encoding, boolean sepLine, int blankLinesBefore,
                          boolean finalLineEnd, long seed) {
    }

    /** One row a correct reader hands out: its start line, its cells, its problem (a row reason code or empty). */
    public record ExpectedRow(long line, List<String> cells, String problem) {
    }

    /** A written file and what reading it must give. */
    public record Written(byte[] bytes, Dialect dialect, long headerLine, List<String> header, List<ExpectedRow> rows) {

        @Override
        public String toString() {
            return dialect + "\n" + new String(bytes, dialect.encoding().charset).replace("\r", "\\r").replace("\n", "\\n\n");
        }
    }

    private HostileCsv() {
    }

    public static Arbitrary<String> cells() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(6, Arbitraries.of(ATOMS).list().ofMinSize(1).ofMaxSize(8)
                        .map(parts -> String.join("", parts))));
    }

    /** Tables of 2 to 6 distinct columns and 0 to 12 rows of 0 to 8 cells, some of them blank. */
    public static Arbitrary<Table> tables() {
        Arbitrary<List<String>> header = Arbitraries.of(HEADER_NAMES).list().uniqueElements(CsvHeader::normalise)
                .ofMinSize(2).ofMaxSize(6);
        Arbitrary<List<List<String>>> rows = cells().list().ofMaxSize(8).list().ofMaxSize(12);
        return Combinators.combine(header, rows).as(Table::new);
    }

    public static Arbitrary<Dialect> dialects() {
        Arbitrary<Character> delimiter = Arbitraries.of(',', ';', '\t', '|');
        Arbitrary<List<String>> lineEnds = Arbitraries.of(List.of("\n"), List.of("\r\n"), List.of("\r"),
                List.of("\n", "\r\n", "\r"));
        Arbitrary<Encoding> encoding = Arbitraries.of(Encoding.class);
        return Combinators.combine(delimiter, lineEnds, encoding, Arbitraries.of(false, false, true),
                Arbitraries.integers().between(0, 2), Arbitraries.of(true, false), Arbitraries.longs())
                .as(Dialect::new);
    }

    /** Writes a table in a dialect: RFC 4180 quoting where a cell needs it, and sometimes where it does not. */
    public static Written write(Table table, Dialect dialect) {
        Random random = new Random(dialect.seed());
        StringBuilder text = new StringBuilder();
        char d = dialect.delimiter();
        if (dialect.sepLine()) {
            text.append("sep=").append(d).append(lineEnd(random, dialect));
        }
        for (int i = 0; i < dialect.blankLinesBefore(); i++) {
            text.append(pick(random, "", " ", d == '\t' ? "" : "\t", String.valueOf(d) + d)).append(lineEnd(random, dialect));
        }
        int headerStart = text.length();
        appendRecord(text, table.header(), random, d);
        List<Integer> starts = new ArrayList<>();
        for (List<String> row : table.rows()) {
            text.append(lineEnd(random, dialect));
            starts.add(text.length());
            appendRecord(text, row, random, d);
        }
        if (dialect.finalLineEnd()) {
            text.append(lineEnd(random, dialect));
        }
        String content = text.toString();
        long headerLine = lineAt(content, headerStart);
        List<ExpectedRow> expected = new ArrayList<>();
        boolean spreadsheet = dialect.encoding() == Encoding.UTF8_BOM;
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> raw = table.rows().get(r);
            if (raw.stream().allMatch(HostileCsv::blank)) {
                continue;
            }
            List<String> cells = spreadsheet ? raw.stream().map(CsvFlavour::fromSpreadsheet).toList() : raw;
            expected.add(new ExpectedRow(lineAt(content, starts.get(r)), cells, problem(table.header(), cells)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(dialect.encoding().bom);
        bytes.writeBytes(content.getBytes(dialect.encoding().charset));
        return new Written(bytes.toByteArray(), dialect, headerLine, table.header(), expected);
    }

    /** Breaks a file in 1 to 3 of the ways files break: cut off, stray quotes and bytes, lost or doubled pieces. */
    public static byte[] mutate(byte[] bytes, long seed) {
        Random random = new Random(seed);
        byte[] out = bytes;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            int at = out.length == 0 ? 0 : random.nextInt(out.length + 1);
            // Mostly what breaks the structure of a file; less often what breaks its encoding (which refuses it).
            out = switch (random.nextInt(14)) {
                case 0, 9 -> Arrays.copyOf(out, at);
                case 1, 10 -> insert(out, at, new byte[] {'"'});
                case 2 -> insert(out, at, new byte[] {pickByte(random, (byte) 0x00, (byte) 0xFF, (byte) 0xC3, (byte) 0x80,
                        (byte) 0xFE, (byte) 0xED, (byte) 0xF4)});
                case 3 -> insert(out, at, "\uFFFD".getBytes(StandardCharsets.UTF_8));
                case 4, 11, 12 -> insert(out, at, pick(random, "\r", "\n", ",", ";", "\t", "|", "\"\"", " \"", "\" x")
                        .getBytes(StandardCharsets.UTF_8));
                case 5 -> insert(new byte[0], 0, concat(pick(random, new byte[] {'P', 'K', 3, 4}, "%PDF-".getBytes(),
                        new byte[] {0x1F, (byte) 0x8B}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        new byte[] {(byte) 0xFF, (byte) 0xFE}, "sep=,\n".getBytes()), out));
                case 6, 13 -> out.length == 0 ? out : remove(out, Math.min(at, out.length - 1), 1 + random.nextInt(8));
                case 7 -> insert(out, at, Arrays.copyOfRange(out, 0, Math.min(out.length, random.nextInt(40))));
                default -> insert(out, at, new byte[] {(byte) random.nextInt(256)});
            };
        }
        return out;
    }

    /** {@code repeated-header}, {@code extra-field} or empty, by SPEC §3 (the reader's rules, written again). */
    static String problem(List<String> header, List<String> cells) {
        int width = Math.max(header.size(), cells.size());
        boolean repeats = true;
        for (int i = 0; i < width && repeats; i++) {
            String name = i < header.size() ? plain(header.get(i)) : "";
            String cell = i < cells.size() ? plain(cells.get(i)) : "";
            repeats = name.equals(cell);
        }
        if (repeats) {
            return CsvRow.REPEATED_HEADER;
        }
        for (int i = header.size(); i < cells.size(); i++) {
            if (!blank(cells.get(i))) {
                return CsvRow.EXTRA_FIELD;
            }
        }
        return "";
    }

    static boolean blank(String cell) {
        return cell.chars().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    private static String plain(String cell) {
        return cell.replace("\uFEFF", "").strip();
    }

    private static void appendRecord(StringBuilder text, List<String> cells, Random random, char delimiter) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(delimiter);
            }
            String cell = cells.get(i);
            boolean needs = cell.indexOf(delimiter) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0
                    || cell.indexOf('\n') >= 0;
            if (needs || random.nextInt(5) == 0) {
                text.append('"').append(cell.replace("\"", "\"\"")).append('"');
                if (random.nextInt(6) == 0) {
                    text.append(pick(random, " ", "  ")); // white space after a closing quote is skipped
                }
            } else {
                text.append(cell);
            }
        }
    }

    private static String lineEnd(Random random, Dialect dialect) {
        return dialect.lineEnds().get(random.nextInt(dialect.lineEnds().size()));
    }

    /** The physical line of a position: 1 + the line ends before it, where CR LF, CR and LF each count once. */
    static long lineAt(String text, int position) {
        long line = 1;
        for (int i = 0; i < position; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
            }
        }
        return line;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] piece) {
        return concat(Arrays.copyOf(bytes, at), piece, Arrays.copyOfRange(bytes, at, bytes.length));
    }

    private static byte[] remove(byte[] bytes, int at, int length) {
        int end = Math.min(bytes.length, at + length);
        return concat(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, end, bytes.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte pickByte(Random random, byte... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
