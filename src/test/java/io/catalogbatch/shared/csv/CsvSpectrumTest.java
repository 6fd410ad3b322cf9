package io.catalogbatch.shared.csv;

import static io.catalogbatch.shared.csv.CsvFiles.ANY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The twelve classic cases of the csv-spectrum suite (comma_in_quotes, empty, empty_crlf, escaped_quotes, json,
 * location_coordinates, newlines, newlines_crlf, quotes_and_newlines, simple, simple_crlf, utf8), in our own
 * words: header, then rows with their lines. {@link HostileCsvReadingTest} generates thousands more.
 */
class CsvSpectrumTest {

    @TempDir
    Path folder;
    CsvFiles files;

    @BeforeEach
    void setUp() {
        files = new CsvFiles(folder);
    }

    @Test
    void comma_in_quotes() throws IOException {
        Path file = files.text("first,last,address,city,zip\nJohn,Doe,120 any st.,\"Anytown, WW\",08123\n");

        assertThat(read(file, "first", "last", "address", "city", "zip"))
                .containsExactly(tuple(2L, List.of("John", "Doe", "120 any st.", "Anytown, WW", "08123")));
    }

    @Test
    void empty() throws IOException {
        Path file = files.text("a,b,c\n1,\"\",\"\"\n2,3,4\n");

        assertThat(read(file, "a", "b", "c"))
                .containsExactly(tuple(2L, List.of("1", "", "")), tuple(3L, List.of("2", "3", "4")));
    }

    @Test
    void empty_crlf() throws IOException {
        Path file = files.text("a,b,c\r\n1,\"\",\"\"\r\n2,3,4\r\n");

        assertThat(read(file, "a", "b", "c"))
                .containsExactly(tuple(2L, List.of("1", "", "")), tuple(3L, List.of("2", "3", "4")));
    }

    @Test
    void escaped_quotes() throws IOException {
        Path file = files.text("a,b\n1,\"ha \"\"ha\"\" ha\"\n3,4\n");

        assertThat(read(file, "a", "b"))
                .containsExactly(tuple(2L, List.of("1", "ha \"ha\" ha")), tuple(3L, List.of("3", "4")));
    }

    @Test
    void json() throws IOException {
        Path file = files.text("key,val\n1,\"{\"\"type\"\": \"\"Point\"\", \"\"coordinates\"\": [102.0, 0.5]}\"\n");

        assertThat(read(file, "key", "val"))
                .containsExactly(tuple(2L, List.of("1", "{\"type\": \"Point\", \"coordinates\": [102.0, 0.5]}")));
    }

    @Test
    void location_coordinates() throws IOException {
        Path file = files.text("Contact Phone Number,Cities,State,Location\n"
                + "(541) 754-3010,\"Portland, Salem\",OR,\"(45.5152, -122.6784)\"\n"
                + ",Brooklyn,NY,\"Brooklyn, NY\n(40.6501, -73.9496)\"\n"
                + "555-0100,,,\n");

        assertThat(read(file, "Contact Phone Number", "Cities", "State", "Location")).containsExactly(
                tuple(2L, List.of("(541) 754-3010", "Portland, Salem", "OR", "(45.5152, -122.6784)")),
                tuple(3L, List.of("", "Brooklyn", "NY", "Brooklyn, NY\n(40.6501, -73.9496)")),
                tuple(5L, List.of("555-0100", "", "", "")));
    }

    @Test
    void newlines() throws IOException {
        Path file = files.text("a,b,c\n1,2,3\n\"Once upon \na time\",5,6\n7,8,9\n");

        assertThat(read(file, "a", "b", "c")).containsExactly(tuple(2L, List.of("1", "2", "3")),
                tuple(3L, List.of("Once upon \na time", "5", "6")), tuple(5L, List.of("7", "8", "9")));
    }

    @Test
    void newlines_crlf() throws IOException {
        Path file = files.text("a,b,c\r\n1,2,3\r\n\"Once upon \r\na time\",5,6\r\n7,8,9\r\n");

        assertThat(read(file, "a", "b", "c")).containsExactly(tuple(2L, List.of("1", "2", "3")),
                tuple(3L, List.of("Once upon \r\na time", "5", "6")), tuple(5L, List.of("7", "8", "9")));
    }

    @Test
    void quotes_and_newlines() throws IOException {
        Path file = files.text("a,b\n1,\"ha \n\"\"ha\"\" \nha\"\n3,4\n");

        assertThat(read(file, "a", "b"))
                .containsExactly(tuple(2L, List.of("1", "ha \n\"ha\" \nha")), tuple(5L, List.of("3", "4")));
    }

    @Test
    void simple() throws IOException {
        Path file = files.text("a,b,c\n1,2,3\n");

        assertThat(read(file, "a", "b", "c")).containsExactly(tuple(2L, List.of("1", "2", "3")));
    }

    @Test
    void simple_crlf() throws IOException {
        Path file = files.text("a,b,c\r\n1,2,3\r\n");

        assertThat(read(file, "a", "b", "c")).containsExactly(tuple(2L, List.of("1", "2", "3")));
    }

    @Test
    void utf8() throws IOException {
        Path file = files.text("a,b,c\n1,2,3\n4,5,ʤ\n");

        assertThat(read(file, "a", "b", "c"))
                .containsExactly(tuple(2L, List.of("1", "2", "3")), tuple(3L, List.of("4", "5", "ʤ")));
    }

    private static List<org.assertj.core.groups.Tuple> read(Path file, String... header) throws IOException {
        try (CsvSource source = CsvSource.open(file, ANY)) {
            assertThat(source.header()).containsExactly(header);
            assertThat(source.delimiter()).isEqualTo(',');
            List<org.assertj.core.groups.Tuple> rows = new java.util.ArrayList<>();
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                assertThat(row.problem()).isEmpty();
                rows.add(tuple(row.line(), row.cells()));
            }
            return rows;
        }
    }
}
