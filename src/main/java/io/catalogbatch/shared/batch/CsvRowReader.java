package io.catalogbatch.shared.batch;

import io.catalogbatch.shared.csv.CsvHeader;
import io.catalogbatch.shared.csv.CsvRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the data rows of a CSV file with commons-csv (RFC 4180, strict UTF-8, an optional BOM), with
 * the header normalised by {@link CsvHeader}. Keeps the number of rows handed out in the step's
 * execution context, so a restarted step goes on after the last committed chunk.
 */
public final class CsvRowReader implements ItemStreamReader<CsvRow> {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Path file;
    private final String positionKey;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private Map<String, Integer> columns;
    private long rowsRead;

    public CsvRowReader(Path file, String name) {
        this.file = file;
        this.positionKey = name + ".rows";
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
            records = parser.iterator();
            columns = readHeader();
            long restartAt = context.getLong(positionKey, 0L);
            while (rowsRead < restartAt && read() != null) {
                // skipping the rows an earlier execution committed
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CsvRow read() {
        while (true) {
            // Read before hasNext(), which already parses the next record.
            long line = parser.getCurrentLineNumber() + 1;
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            if (isBlank(record)) {
                continue;
            }
            rowsRead++;
            return new CsvRow(line, record.toList(), columns);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(positionKey, rowsRead);
    }

    @Override
    public void close() {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot close " + file, e);
        }
    }

    private Map<String, Integer> readHeader() {
        while (records.hasNext()) {
            CSVRecord record = records.next();
            if (!isBlank(record)) {
                Map<String, Integer> header = new HashMap<>();
                List<String> names = new ArrayList<>(record.toList());
                for (int i = 0; i < names.size(); i++) {
                    header.putIfAbsent(CsvHeader.normalise(names.get(i)), i);
                }
                return header;
            }
        }
        return Map.of();
    }

    private static boolean isBlank(CSVRecord record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
