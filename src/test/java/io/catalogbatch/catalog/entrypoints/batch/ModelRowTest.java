package io.catalogbatch.catalog.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.catalogbatch.catalog.domain.ModelField;
import io.catalogbatch.catalog.domain.SpreadsheetRow;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.shared.csv.CsvFlavour;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.domain.DomainException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A models row's tags cell: split at any of {@code ; , |}, blank elements left out (SPEC §4). A row of a file that
 * came back from a spreadsheet program keeps its cells for the handler (issue #21).
 */
class ModelRowTest {

    private static final Map<String, Integer> COLUMNS = Map.of("name", 0, "tags", 1);

    @Test
    void tags_are_split_at_each_separator_and_blank_elements_are_left_out() {
        assertThat(tagsOf("nlp;vision,audio|text")).containsExactlyInAnyOrder(
                Tag.of("nlp"), Tag.of("vision"), Tag.of("audio"), Tag.of("text"));
        assertThat(tagsOf(" ;nlp ; ,,| vision|")).containsExactlyInAnyOrder(Tag.of("nlp"), Tag.of("vision"));
        assertThat(tagsOf("")).isEmpty();
        assertThat(tagsOf(" \t")).isEmpty();
        assertThat(tagsOf(";,|")).isEmpty();
        assertThat(tagsOf("NLP;nlp")).containsExactly(Tag.of("nlp"));
    }

    @Test
    void any_cell_gives_the_tags_a_split_at_the_separators_pattern_gives() { // the split the reader used before
        Random random = new Random(7);
        String alphabet = "ab ;,|\tZ\u00a0";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder cell = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(outcome(() -> tagsOf(cell.toString()))).as("\"%s\"", cell).isEqualTo(outcome(
                    () -> Arrays.stream(cell.toString().split("[;,|]"))
                            .filter(element -> !element.isBlank()).map(Tag::of).collect(Collectors.toSet())));
        }
    }

    @Test
    void a_row_of_a_marked_file_came_back_from_a_spreadsheet_and_keeps_its_cells_for_the_handler() {
        Map<String, Integer> marked = Map.of("name", 0, "license", 1, "created", 2, "revision", 3,
                CsvFlavour.MARK_KEY, 4);
        AddModel command = new ModelRow(new CsvRow(7, List.of("7", "3", "45351", "2", ""), marked)).toCommand();

        assertThat(command.spreadsheet().cameBack()).isTrue();
        assertThat(command.spreadsheet().line()).isEqualTo(7);
        assertThat(command.spreadsheet().cells()).containsExactlyInAnyOrderEntriesOf(
                Map.of(ModelField.LICENSE, "3", ModelField.CREATED, "45351"));
        assertThat(command.spreadsheet().invalid()).containsOnlyKeys(ModelField.CREATED);
        assertThat(command.patch().present()).containsExactly(ModelField.LICENSE);
        assertThat(command.expectedRevision()).isEqualTo(2);
    }

    @Test
    void a_row_of_an_unmarked_file_did_not_and_an_invalid_cell_rejects_it_at_once() {
        Map<String, Integer> plain = Map.of("name", 0, "created", 1);
        assertThat(new ModelRow(new CsvRow(2, List.of("a", ""), plain)).toCommand().spreadsheet())
                .isEqualTo(SpreadsheetRow.NONE);
        assertThat(catchThrowableOfType(DomainException.class,
                () -> new ModelRow(new CsvRow(2, List.of("a", "45351"), plain)).toCommand()).reason())
                .isEqualTo("bad-date");
        assertThat(new ModelRow(new CsvRow(2, List.of("a", "45351"), plain), true).toCommand().spreadsheet()
                .cameBack()).as("the flag a workbook reader sets").isTrue();
    }

    /** The tags, or the message of the refusal (an element of no-break spaces only is an empty tag). */
    private static Object outcome(Supplier<Set<Tag>> tags) {
        try {
            return tags.get();
        } catch (DomainException refused) {
            return refused.getMessage();
        }
    }

    private static Set<Tag> tagsOf(String cell) {
        return new ModelRow(new CsvRow(2, List.of("org/model", cell), COLUMNS)).toCommand().tags();
    }
}
