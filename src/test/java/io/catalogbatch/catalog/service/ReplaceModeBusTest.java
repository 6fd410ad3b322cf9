package io.catalogbatch.catalog.service;

import static io.catalogbatch.catalog.service.ModelPatches.patch;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelField;
import io.catalogbatch.catalog.domain.SpreadsheetRow;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.domain.commands.ReplaceTags;
import io.catalogbatch.catalog.domain.commands.TagModel;
import io.catalogbatch.catalog.domain.commands.UntagModel;
import io.catalogbatch.catalog.domain.events.ModelAdded;
import io.catalogbatch.catalog.domain.events.ModelDetailsChanged;
import io.catalogbatch.catalog.domain.events.ModelTagged;
import io.catalogbatch.shared.service.MessageBus;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bus of a replace-mode import: rows change details, never tags (the run's {@code ReplaceTags} sets those at
 * its end), and a tags row is refused {@code unknown-model} by its handler when it names no model of the catalog.
 */
class ReplaceModeBusTest extends CatalogServiceTestSupport {

    private final MessageBus replaceMode = CatalogBootstrap.replaceModeBus(uow, List.of(published::add),
            ForwardReferences.NONE);

    @Test
    void a_models_row_adds_a_model_without_its_inline_tags() {
        replaceMode.handle(add("BERT", "nlp", "encoder"));

        assertThat(stored("bert").tags()).isEmpty();
        assertThat(published).containsExactly(new ModelAdded(name("BERT"), ModelDetails.NONE, Status.ACTIVE, 1));
    }

    @Test
    void a_models_row_for_a_known_model_changes_its_details_and_leaves_its_tags() {
        given(add("bert", "nlp"));

        replaceMode.handle(new AddModel(name("bert"), patch().task("fill-mask").build(), tags("vision")));

        assertThat(stored("bert").tags()).containsExactly(tag("nlp"));
        assertThat(stored("bert").details().task()).isEqualTo("fill-mask");
        assertThat(published).containsExactly(new ModelDetailsChanged(name("bert"),
                new ModelDetails("", "fill-mask", "", "", "", "", ""), EnumSet.of(ModelField.TASK), 3));
    }

    @Test
    void a_tags_row_for_a_known_model_changes_nothing_yet() {
        given(add("bert", "nlp"));
        int commits = uow.commits();

        replaceMode.handle(new TagModel(name("BERT"), tag("vision")));
        replaceMode.handle(new UntagModel(name("bert"), tag("nlp")));

        assertThat(stored("bert").tags()).containsExactly(tag("nlp"));
        assertThat(uow.commits()).isEqualTo(commits);
        assertThat(published).isEmpty();
    }

    @Test
    void a_tags_row_naming_no_model_of_the_catalog_is_refused_by_its_handler() {
        given(add("bert"));
        assertThat(assertRefused(replaceMode, new TagModel(name("GPT"), tag("llm")), "unknown-model", "model")
                .getMessage()).isEqualTo("the catalog has no model named \"GPT\"; add it in the models file first");
        assertRefused(replaceMode, new UntagModel(name("gpt"), tag("llm")), "unknown-model", "model");
    }

    @Test
    void replace_tags_at_the_end_of_the_run_sets_the_listed_tags() {
        replaceMode.handle(add("bert", "ignored-now"));
        replaceMode.handle(new ReplaceTags(name("bert"), tags("nlp", "encoder")));

        assertThat(stored("bert").tags()).containsExactly(tag("encoder"), tag("nlp"));
        assertThat(published).filteredOn(ModelTagged.class::isInstance).hasSize(2);
    }

    @Test
    void a_models_row_whose_tags_are_the_whole_set_also_leaves_its_tags_to_the_last_step() {
        given(add("bert", "nlp"));

        replaceMode.handle(new AddModel(name("bert"), ModelPatches.nothing(), tags("vision"), AddModel.ANY_REVISION,
                true, SpreadsheetRow.NONE));

        assertThat(stored("bert").tags()).containsExactly(tag("nlp"));
        assertThat(published).isEmpty();
    }
}
