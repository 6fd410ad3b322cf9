package io.catalogbatch.catalog.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.Tag;
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

/** A models row's tags cell: split at any of {@code ; , |}, blank elements left out (SPEC §4). */
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
