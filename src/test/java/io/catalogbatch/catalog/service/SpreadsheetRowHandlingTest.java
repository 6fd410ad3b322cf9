package io.catalogbatch.catalog.service;

import static io.catalogbatch.catalog.service.ModelPatches.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.catalogbatch.catalog.domain.ModelField;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.ProgramChange;
import io.catalogbatch.catalog.domain.SpreadsheetRow;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.domain.commands.ReplaceTags;
import io.catalogbatch.catalog.domain.commands.TagModel;
import io.catalogbatch.catalog.domain.events.ModelAdded;
import io.catalogbatch.catalog.domain.events.ModelDetailsChanged;
import io.catalogbatch.catalog.domain.events.ProgramChangeIgnored;
import io.catalogbatch.shared.domain.DomainException;
import io.catalogbatch.shared.service.MessageBus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rows of a file that came back from a spreadsheet program (issue #21 items 4 and 5), through the real bus over
 * the fake store: a cell that differs from the stored value only as a program makes it differ is not applied (the
 * model keeps its value, no event, no revision) and is listed; an edit on the same row is applied; a revision of a
 * name the catalog lacks is {@code unknown-model}. The same rows from any other file are applied as before.
 */
class SpreadsheetRowHandlingTest extends CatalogServiceTestSupport {

    private final List<ProgramChangeIgnored> ignored = new ArrayList<>();
    private final MessageBus spreadsheetBus = CatalogBootstrap.bus(uow, List.of(published::add),
            ForwardReferences.NONE, ignored::add);

    @BeforeEach
    void aCatalogExportedAndSentToBusinessUsers() {
        given(new AddModel(name("007"), patch().description("a\r\nb").license("3.0").created("2024-02-29").build(),
                        Set.of()),
                new AddModel(name("agent"), patch().license("0.10").successor("007").status(Status.DEPRECATED)
                        .build(), Set.of()));
    }

    @Test
    void a_cell_a_program_changed_is_not_applied_and_is_listed_with_its_likely_cause() {
        ModelSnapshot before = stored("007");

        spreadsheet(name("007"), 12, 1, cells("description", "a\nb", "license", "3", "created", "45351"));

        assertThat(stored("007")).isEqualTo(before);
        assertThat(published).isEmpty();
        assertThat(ignored).extracting(e -> e.name().display(), ProgramChangeIgnored::column, e -> e.change().kind(),
                        ProgramChangeIgnored::line)
                .containsExactly(tuple("007", "description", ProgramChange.Kind.LINE_ENDS, 12L),
                        tuple("007", "license", ProgramChange.Kind.NUMBER, 12L),
                        tuple("007", "created", ProgramChange.Kind.DATE, 12L));
        assertThat(ignored.get(1).change().cause()).contains("read \"3.0\" as a number and wrote it back as \"3\"");
    }

    @Test
    void an_edit_on_the_same_row_is_applied_and_the_program_change_beside_it_is_not() {
        spreadsheet(name("agent"), 3, 1, cells("license", "0.1", "successor", "7", "description", "now documented"));

        ModelSnapshot agent = stored("agent");
        assertThat(agent.details().description()).isEqualTo("now documented");
        assertThat(agent.details().license()).isEqualTo("0.10");
        assertThat(agent.details().successor()).isEqualTo("007");
        assertThat(agent.revision()).isEqualTo(2);
        assertThat(published).singleElement().isInstanceOfSatisfying(ModelDetailsChanged.class,
                changed -> assertThat(changed.changed()).containsExactly(ModelField.DESCRIPTION));
        assertThat(ignored).extracting(ProgramChangeIgnored::column).containsExactly("license", "successor");
    }

    @Test
    void an_invalid_cell_that_is_no_program_change_rejects_the_row_as_in_any_file() {
        assertRefused(spreadsheetBus, command(name("007"), 4, 1, cells("created", "2024/03/01", "license", "3")),
                "bad-date", "created");
        assertThat(ignored).as("nothing is listed for a rejected row").isEmpty();
    }

    @Test
    void a_revision_of_a_name_the_catalog_lacks_is_unknown_model_naming_the_likely_cause() {
        DomainException refusal = assertRefused(spreadsheetBus, command(name("7"), 2, 1, cells("license", "3.0")),
                "unknown-model", "name");

        assertThat(refusal).hasMessage("the catalog has no model named \"7\", yet the row carries revision 1 of an "
                + "exported model: your spreadsheet program probably changed the name (007 comes back as 7, 1e5 as "
                + "100000): format the name column as text, or edit the xlsx export; to add a new model, leave its "
                + "revision empty");
    }

    @Test
    void a_new_row_without_revision_is_added_as_typed() {
        spreadsheet(name("7"), 9, AddModel.ANY_REVISION, cells("license", "3", "created", "2025-01-02"));

        assertThat(stored("7").details().license()).isEqualTo("3");
        assertThat(published).first().isInstanceOf(ModelAdded.class);
        assertThat(ignored).isEmpty();
    }

    @Test
    void a_new_row_with_an_invalid_cell_is_rejected() {
        assertRefused(spreadsheetBus, command(name("new"), 9, AddModel.ANY_REVISION, cells("created", "2024/02/29")),
                "bad-date", "created");
    }

    @Test
    void the_same_cells_from_another_file_are_applied_and_a_revision_of_an_unknown_name_is_ignored() {
        when(new AddModel(name("007"), patch().license("3").build(), Set.of(), 1));
        when(new AddModel(name("7"), patch().license("3.0").build(), Set.of(), 5));

        assertThat(stored("007").details().license()).isEqualTo("3");
        assertThat(stored("7").revision()).isEqualTo(1);
    }

    @Test
    void a_stale_revision_is_still_a_conflict() {
        assertRefused(spreadsheetBus, command(name("007"), 2, 7, cells("license", "3")), "conflict", "revision");
    }

    @Test
    void a_tag_a_program_made_of_one_of_the_models_tags_is_not_added_from_a_spreadsheet_tags_row() {
        given(new TagModel(name("agent"), tag("3.0")), new TagModel(name("agent"), tag("2024-02-29")));
        ModelSnapshot before = stored("agent");

        spreadsheetBus.handle(new TagModel(name("agent"), tag("3"), SpreadsheetRow.at(5)));
        spreadsheetBus.handle(new TagModel(name("agent"), tag("2024/02/29"), SpreadsheetRow.at(6)));
        spreadsheetBus.handle(new TagModel(name("agent"), tag("3.0"), SpreadsheetRow.at(7)));

        assertThat(stored("agent")).isEqualTo(before);
        assertThat(ignored).extracting(ProgramChangeIgnored::column, e -> e.change().stored(), e -> e.change().cell(),
                ProgramChangeIgnored::line).containsExactly(tuple("tag", "3.0", "3", 5L),
                tuple("tag", "2024-02-29", "2024/02/29", 6L));

        spreadsheetBus.handle(new TagModel(name("agent"), tag("nlp"), SpreadsheetRow.at(8)));
        when(new TagModel(name("agent"), tag("3")));
        assertThat(stored("agent").tags()).contains(tag("nlp"), tag("3"));
    }

    @Test
    void a_spreadsheet_tags_row_for_a_model_the_catalog_lacks_names_the_likely_cause() {
        DomainException refusal = assertRefused(spreadsheetBus, new TagModel(name("7"), tag("nlp"),
                SpreadsheetRow.at(3)), "unknown-model", "model");
        assertThat(refusal.getMessage()).startsWith("the catalog has no model named \"7\": if the file came from an "
                + "export, your spreadsheet program probably changed the name (007 comes back as 7");
    }

    @Test
    void in_replace_mode_a_listed_tag_a_program_made_keeps_the_models_tag() {
        given(new TagModel(name("agent"), tag("3.0")), new TagModel(name("agent"), tag("agents")));
        ListedTags<String> listed = new ListedTags<>();
        listed.add(new TagModel(name("agent"), tag("agents"), SpreadsheetRow.at(4)), "line 4");
        listed.add(new TagModel(name("agent"), tag("3"), SpreadsheetRow.at(5)), "line 5");
        listed.add(new TagModel(name("agent"), tag("new"), SpreadsheetRow.at(6)), "line 6");

        spreadsheetBus.handle(listed.listings().get(0).command());

        assertThat(stored("agent").tags()).containsExactlyInAnyOrder(tag("3.0"), tag("agents"), tag("new"));
        assertThat(ignored).extracting(ProgramChangeIgnored::column, e -> e.change().cell(), ProgramChangeIgnored::line)
                .containsExactly(tuple("tag", "3", 5L));
    }

    @Test
    void in_replace_mode_the_same_tags_from_another_file_replace_the_models() {
        given(new TagModel(name("agent"), tag("3.0")));

        when(new ReplaceTags(name("agent"), tags("3")));

        assertThat(stored("agent").tags()).containsExactly(tag("3"));
    }

    private void spreadsheet(ModelName name, long line, long revision,
                             Map<ModelField, String> cells) {
        spreadsheetBus.handle(command(name, line, revision, cells));
    }

    /** The command of a row of a marked file: the given detail cells present, status active. */
    private static AddModel command(ModelName name, long line, long revision,
                                    Map<ModelField, String> cells) {
        Set<ModelField> present = EnumSet.copyOf(cells.keySet());
        SpreadsheetRow.Read read = SpreadsheetRow.read(line, cells, Status.ACTIVE, present);
        return new AddModel(name, read.patch(), Set.of(), revision, false, read.row());
    }

    private static Map<ModelField, String> cells(String... columnsAndValues) {
        Map<ModelField, String> cells = new EnumMap<>(ModelField.class);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            cells.put(ModelField.valueOf(columnsAndValues[i].toUpperCase(Locale.ROOT)), columnsAndValues[i + 1]);
        }
        return cells;
    }
}
