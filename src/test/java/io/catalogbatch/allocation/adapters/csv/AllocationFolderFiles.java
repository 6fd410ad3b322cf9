package io.catalogbatch.allocation.adapters.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Writes the files of an allocation folder (the book's {@code make_csv}) and reads them back. */
public final class AllocationFolderFiles {

    private AllocationFolderFiles() {
    }

    /** The book's {@code random_ref}: a prefix and ten random hex digits. */
    public static String randomRef(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A CSV file of these rows, each cell written as RFC 4180 wants it (the book's {@code csv.writer}). */
    public static Path makeCsv(Path folder, String name, List<List<Object>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<Object> row : rows) {
            text.append(row.stream().map(cell -> quoted(String.valueOf(cell))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return write(folder, name, text.toString());
    }

    public static Path write(Path folder, String name, String text) {
        try {
            return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All records of a CSV file, header included (the book's {@code list(csv.reader(f))}). */
    public static List<List<String>> rows(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180).get()) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
            return rows;
        }
    }

    /** The names of the files in the folder, temporary ones included. */
    public static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static String quoted(String cell) {
        boolean needs = cell.contains(",") || cell.contains("\"") || cell.contains("\r") || cell.contains("\n");
        return needs ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
