package io.catalogbatch.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.domain.commands.TagModel;
import io.catalogbatch.catalog.domain.commands.UntagModel;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Replace mode's tag algebra: (inline tags + add rows) minus remove rows, at most 256 tags. Rows are labels. */
class ListedTagsTest extends CatalogServiceTestSupport {

    private final ListedTags<String> listed = new ListedTags<>();

    private void listInline(String row, String model, String... tags) {
        listed.inline(new AddModel(name(model), ModelPatches.nothing(), tags(tags)), row);
    }

    private void listAdd(String row, String model, String tag) {
        listed.add(new TagModel(name(model), tag(tag)), row);
    }

    private void listRemove(String row, String model, String tag) {
        listed.remove(new UntagModel(name(model), tag(tag)), row);
    }

    private static String[] labels(String prefix, int count) {
        return numberedTags(prefix, count).stream().map(Tag::value).toArray(String[]::new);
    }

    private static Set<String> values(Set<Tag> tags) {
        return tags.stream().map(Tag::value).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void a_listed_model_ends_with_its_inline_tags_and_add_rows_minus_its_remove_rows_whatever_their_order() {
        listInline("models line 2", "BERT", "nlp", "encoder", "old");
        listRemove("tags line 2", "bert", "Encoder");
        listAdd("tags line 3", "bert", "fill-mask");
        listAdd("tags line 4", "bert", "ner");
        listRemove("tags line 5", "bert", "ner");

        ListedTags.Listing<String> bert = listed.listings().get(0);

        assertThat(values(bert.command().tags())).containsExactly("fill-mask", "nlp", "old");
        assertThat(bert.command().name().display()).isEqualTo("BERT");
        assertThat(bert.row()).as("the row that listed it first answers for it").isEqualTo("models line 2");
        assertThat(bert.overLimit()).isEmpty();
    }

    @Test
    void a_model_listed_by_remove_rows_alone_ends_with_no_tags_and_unlisted_models_are_not_listed() {
        listRemove("tags line 2", "gpt", "llm");
        assertThat(listed.listings()).singleElement().satisfies(gpt -> {
            assertThat(gpt.command().name().key()).isEqualTo("gpt");
            assertThat(gpt.command().tags()).isEmpty();
        });
    }

    @Test
    void add_rows_beyond_256_tags_are_refused_in_file_order_after_the_inline_tags() {
        listInline("models line 2", "bert", labels("inline-", 250));
        for (int i = 0; i < 10; i++) {
            listAdd("tags line " + (i + 2), "bert", "added-" + i);
        }

        ListedTags.Listing<String> bert = listed.listings().get(0);

        assertThat(bert.command().tags()).hasSize(256).contains(tag("added-5")).doesNotContain(tag("added-6"));
        assertThat(bert.overLimit()).extracting(ListedTags.Refused::row)
                .containsExactly("tags line 8", "tags line 9", "tags line 10", "tags line 11");
        assertThat(bert.overLimit()).allSatisfy(refused -> {
            assertThat(refused.reason().reason()).isEqualTo("too-many-tags");
            assertThat(refused.reason().field()).isEqualTo("tag");
            assertThat(refused.reason().getMessage())
                    .isEqualTo("\"bert\" already has 256 tags from this run; a model may have at most 256");
        });
    }

    @Test
    void removed_tags_never_count_towards_the_limit_and_an_add_row_of_a_tag_already_listed_costs_nothing() {
        listInline("models line 2", "bert", labels("t", 256));
        listRemove("tags line 2", "bert", "t0");
        listAdd("tags line 3", "bert", "t1");
        listAdd("tags line 4", "bert", "new");
        listAdd("tags line 5", "bert", "newer");

        ListedTags.Listing<String> bert = listed.listings().get(0);

        assertThat(bert.command().tags()).hasSize(256).contains(tag("new")).doesNotContain(tag("t0"));
        assertThat(bert.overLimit()).extracting(ListedTags.Refused::row).containsExactly("tags line 5");
    }

    @Test
    void models_are_listed_in_the_order_of_their_name_keys() {
        listAdd("tags line 2", "c", "x");
        listInline("models line 2", "B");
        listAdd("tags line 3", "a", "x");
        assertThat(listed.listings()).extracting(listing -> listing.command().name().key())
                .containsExactly("a", "b", "c");
    }

    @Test
    void the_listings_replace_the_tags_of_the_listed_models_through_the_bus_and_leave_the_others() {
        given(add("bert", "a", "b"), add("gpt", "llm"), add("t5", "seq2seq"));
        listInline("models line 2", "bert", "b", "c");
        listAdd("tags line 2", "gpt", "chat");
        listRemove("tags line 3", "gpt", "llm");

        listed.listings().forEach(listing -> bus.handle(listing.command()));

        assertThat(stored("bert").tags()).containsExactly(tag("b"), tag("c"));
        assertThat(stored("gpt").tags()).containsExactly(tag("chat"));
        assertThat(stored("t5").tags()).containsExactly(tag("seq2seq"));
    }

    @Test
    void nothing_listed_lists_nothing() {
        assertThat(listed.listings()).isEqualTo(List.of());
    }
}
