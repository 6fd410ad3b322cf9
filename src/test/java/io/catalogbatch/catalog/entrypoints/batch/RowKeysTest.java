package io.catalogbatch.catalog.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.commands.CatalogCommand;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.domain.DomainException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The check of a file learns which keys repeat from the rows' cells alone ({@link ModelRow#key},
 * {@link TagRow#key(CsvRow)}); a duplicate is then found by its command's key. The two must agree, or a
 * duplicate would go unseen.
 */
class RowKeysTest {

    private static final List<String> NAMES = List.of("org/model", "ORG/Model", "  org/model\t", "org/mödel",
            "Org/Mö\u0301del", "İstanbul/model", "org/model\u00a0", "a", "x".repeat(200));
    private static final List<String> TAGS = List.of("nlp", "NLP", " nlp ", "Nlp-Tools", "dataset:squad", "c++",
            "ß", "İ");

    @Test
    void a_models_row_has_the_key_of_its_command() {
        Map<String, Integer> columns = Map.of("name", 0, "description", 1, "tags", 2);
        for (String name : NAMES) {
            CsvRow row = new CsvRow(2, List.of(name, "a, \"quoted\" description", "nlp;vision"), columns);
            assertThat(ModelRow.key(row)).as(name).isEqualTo(new ModelRow(row).toCommand().name().key());
        }
    }

    @Test
    void a_tags_row_has_the_key_of_its_command_whatever_its_action() {
        Map<String, Integer> columns = Map.of("model", 0, "tag", 1, "action", 2);
        int checked = 0;
        for (String name : NAMES) {
            for (String tag : TAGS) {
                for (String action : List.of("", "add", "REMOVE", " remove ")) {
                    CsvRow row = new CsvRow(2, List.of(name, tag, action), columns);
                    CatalogCommand command;
                    try {
                        command = new TagRow(row).toCommand();
                    } catch (DomainException rejected) {
                        continue; // a rejected row claims no key
                    }
                    checked++;
                    assertThat(TagRow.key(row)).as("%s %s %s", name, tag, action)
                            .isEqualTo(TagRow.key(command.name(), TagRow.tagOf(command)));
                }
            }
        }
        assertThat(checked).isGreaterThan(200);
    }
}
