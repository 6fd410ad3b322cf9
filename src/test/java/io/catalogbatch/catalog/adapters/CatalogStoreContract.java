package io.catalogbatch.catalog.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.catalog.domain.Model;
import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelPatch;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.CatalogUnitOfWork;
import io.catalogbatch.catalog.service.ConcurrentModelUpdate;
import io.catalogbatch.catalog.service.search.CatalogQueries;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import io.catalogbatch.catalog.service.search.SortField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every catalog store promises behind the repository and unit-of-work ports; run against the CSV
 * folder and the database.
 */
public abstract class CatalogStoreContract {

    /** A unit of work on the store under test. */
    protected abstract CatalogUnitOfWork unitOfWork();

    /** The read side of the store under test, as committed. */
    protected abstract CatalogQueries queries();

    /** Closes and opens the store again, as a new process would. */
    protected abstract void reopen() throws Exception;

    static final String ODD_DESCRIPTION = "line one, \"quoted\"\r\nline two;\ttabbed\rlone CR\n  indented ×→ 😀 ";

    static Model model(String name, String description, String... tags) {
        ModelDetails details = new ModelDetails(description, "text-classification", "PyTorch", "apache-2.0",
                "https://example.org/" + name.length(), "2024-09-20", "");
        return Model.add(ModelName.of(name), ModelPatch.of(details, Status.ACTIVE),
                Set.of(tags).stream().map(Tag::of).collect(Collectors.toSet()));
    }

    void commit(Model... models) {
        CatalogUnitOfWork uow = unitOfWork();
        try (uow) {
            for (Model model : models) {
                uow.models().add(model);
            }
            uow.commit();
        }
    }

    List<ModelSnapshot> stored() {
        List<ModelSnapshot> all = new ArrayList<>();
        queries().forEachModel(all::add);
        return all;
    }

    @Test
    void keeps_every_field_and_odd_unicode_across_a_reopening() throws Exception {
        Model odd = model("  Zoë/naïve-🤖-bert ", ODD_DESCRIPTION, "PyTorch", "dataset:squad", "日本語", "c++");
        Model plain = model("#N/A", "", "a");
        commit(odd, plain);

        reopen();

        assertThat(stored()).containsExactly(plain.snapshot(), odd.snapshot());
        ModelSnapshot back = stored().get(1);
        assertThat(back.name().display()).isEqualTo("Zoë/naïve-🤖-bert");
        assertThat(back.details().description()).isEqualTo(ODD_DESCRIPTION);
        assertThat(back.tags()).extracting(Tag::value).containsExactly("c++", "dataset:squad", "pytorch", "日本語");
        assertThat(back.revision()).isEqualTo(5);
    }

    /**
     * PostgreSQL's COPY text format gives a backslash, {@code \\N}, braces and quotes meanings of their own, and an
     * array an unquoted {@code null} (tags hold none of the others).
     */
    @Test
    void keeps_backslashes_quotes_and_braces_in_values_and_a_tag_null() throws Exception {
        String description = "C:\\models\\new \\N \\t {a,b} \"NULL\" \\\\x00";
        Model odd = model("back-slash/model", description, "null", "NULL-x", "a.b");
        commit(odd);

        reopen();

        ModelSnapshot back = stored().get(0);
        assertThat(back).isEqualTo(odd.snapshot());
        assertThat(back.details().description()).isEqualTo(description);
        assertThat(back.tags()).extracting(Tag::value).containsExactlyInAnyOrderElementsOf(
                odd.snapshot().tags().stream().map(Tag::value).toList());
    }

    @Test
    void loads_a_model_as_committed_and_stores_its_changes() throws Exception {
        commit(model("bert", "first", "a", "b"));
        CatalogUnitOfWork uow = unitOfWork();
        try (uow) {
            Model bert = uow.models().get("bert").orElseThrow();
            bert.untag(Tag.of("a"));
            bert.tag(Tag.of("c"));
            bert.deprecate();
            uow.commit();
        }
        reopen();

        ModelSnapshot back = stored().get(0);
        assertThat(back.tags()).extracting(Tag::value).containsExactly("b", "c");
        assertThat(back.status()).isEqualTo(Status.DEPRECATED);
        assertThat(back.revision()).isEqualTo(6);
    }

    @Test
    void a_unit_of_work_closed_without_commit_changes_nothing() throws Exception {
        commit(model("bert", "first", "a"));
        CatalogUnitOfWork uow = unitOfWork();
        try (uow) {
            uow.models().get("bert").orElseThrow().tag(Tag.of("b"));
            uow.models().add(model("gpt", "never"));
        }
        assertThat(uow.collectNewEvents()).isEmpty();
        reopen();

        assertThat(stored()).extracting(m -> m.name().display()).containsExactly("bert");
        assertThat(stored().get(0).tags()).extracting(Tag::value).containsExactly("a");
    }

    @Test
    void refuses_to_store_a_model_changed_meanwhile_by_another_unit_of_work() {
        commit(model("bert", "first"));
        CatalogUnitOfWork first = unitOfWork();
        CatalogUnitOfWork second = unitOfWork();
        Model mine = first.models().get("bert").orElseThrow();
        Model theirs = second.models().get("bert").orElseThrow();
        theirs.tag(Tag.of("theirs"));
        second.commit();
        mine.tag(Tag.of("mine"));

        assertThatThrownBy(first::commit).isInstanceOf(ConcurrentModelUpdate.class);
        first.close();
        assertThat(stored().get(0).tags()).extracting(Tag::value).containsExactly("theirs");
    }

    @Test
    void refuses_to_add_a_model_another_unit_of_work_added_meanwhile() {
        CatalogUnitOfWork first = unitOfWork();
        CatalogUnitOfWork second = unitOfWork();
        first.models().add(model("bert", "first"));
        second.models().add(model("BERT", "second"));
        second.commit();

        assertThatThrownBy(first::commit).isInstanceOf(ConcurrentModelUpdate.class);
        first.close();
        assertThat(stored()).extracting(m -> m.details().description()).containsExactly("second");
    }

    @Test
    void hands_out_the_committed_events_once() {
        CatalogUnitOfWork uow = unitOfWork();
        try (uow) {
            uow.models().add(model("bert", "", "a"));
            uow.commit();
        }
        assertThat(uow.collectNewEvents()).hasSize(2);
        assertThat(uow.collectNewEvents()).isEmpty();
    }

    @Test
    void answers_searches_like_every_other_store() throws Exception {
        Model archived = model("old-ocr", "scans", "vision");
        archived.archive();
        Model deprecated = model("Bert-Large", "big text model", "nlp", "dataset:squad");
        deprecated.deprecate();
        commit(model("bert-base", "text model", "nlp", "dataset:glue", "pytorch"), deprecated, archived,
                model("resnet", "images", "vision", "dataset:imagenet"), model("untagged", "nothing"));
        reopen();

        assertThat(names(ModelQuery.everything())).containsExactly("bert-base", "Bert-Large", "resnet", "untagged");
        assertThat(names(ModelQuery.builder().all(Set.of(Tag.of("NLP"))).build()))
                .containsExactly("bert-base", "Bert-Large");
        assertThat(names(ModelQuery.builder().none(Set.of(Tag.of("nlp"))).build()))
                .containsExactly("resnet", "untagged");
        assertThat(names(ModelQuery.builder().any(Set.of(Tag.of("vision"), Tag.of("pytorch")))
                .statuses(Set.of(Status.ARCHIVED, Status.ACTIVE)).build()))
                .containsExactly("bert-base", "old-ocr", "resnet");
        assertThat(names(ModelQuery.builder().text("TEXT MODEL").build())).containsExactly("bert-base", "Bert-Large");
        assertThat(names(ModelQuery.builder().framework("pytorch").license("APACHE-2.0").task("Text-Classification")
                .build())).hasSize(4);
        List<SearchHit> page = queries().search(ModelQuery.builder().prefix("Dataset:")
                .sort(SortField.NAME, true).page(2, 1).build());
        assertThat(page).extracting(SearchHit::rank, SearchHit::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "Bert-Large"),
                        org.assertj.core.groups.Tuple.tuple(3L, "bert-base"));
        assertThat(page.get(1).matchedTags()).extracting(Tag::value).containsExactly("dataset:glue");
        assertThat(page.get(1).tags()).extracting(Tag::value).containsExactly("dataset:glue", "nlp", "pytorch");
        assertThat(queries().countModels()).isEqualTo(5);
    }

    static Model created(String name, String created) {
        ModelDetails details = new ModelDetails("", "", "", "", "", created, "");
        return Model.add(ModelName.of(name), ModelPatch.of(details, Status.ACTIVE), Set.of());
    }

    /**
     * SPEC §8: by the keys' UTF-16 code units, whatever the database's collation: punctuation, digits and letters
     * as their codes, and the characters beyond U+FFFF (surrogates, D800-DFFF) before U+E000-FFFF, where
     * code-point order (PostgreSQL's {@code COLLATE "C"}) puts them after. Dates of year 0000 and unknown ones sort
     * as SPEC §1 says and come back as written.
     */
    @Test
    void orders_by_the_code_units_of_the_keys_and_keeps_every_date() throws Exception {
        String smile = "\uD83D\uDE00-smile";
        String privateUse = "\uE000-private";
        String fullWidth = "\uFF42\uFF45\uFF52\uFF54";
        commit(created("ab", ""), created(fullWidth, "1999-12-31"), created("A1", "2024-09-20"),
                created(privateUse, "1999-12-31"), created("a_b", "1999-12-31"), created(smile, "1999-12-31"),
                created("a-b", "0000-02-29"), created("zeta", "1999-12-31"));
        reopen();

        List<String> expected = List.of("a-b", "A1", "a_b", "ab", "zeta", smile, privateUse, fullWidth);
        assertThat(stored()).extracting(m -> m.name().display()).containsExactlyElementsOf(expected);
        assertThat(stored()).extracting(ModelSnapshot::key).isSorted();
        assertThat(names(ModelQuery.everything())).containsExactlyElementsOf(expected);
        assertThat(queries().modelsAfter("ab", 3)).extracting(m -> m.name().display())
                .containsExactly("zeta", smile, privateUse);
        assertThat(queries().modelsAfter(smile, 10)).extracting(m -> m.name().display())
                .containsExactly(privateUse, fullWidth);
        assertThat(queries().find("a-b").orElseThrow().details().created()).isEqualTo("0000-02-29");
        assertThat(queries().find("ab").orElseThrow().details().created()).isEmpty();
        assertThat(names(ModelQuery.builder().sort(SortField.CREATED, false).build()))
                .containsExactly("a-b", "a_b", "zeta", smile, privateUse, fullWidth, "A1", "ab");
        assertThat(names(ModelQuery.builder().sort(SortField.CREATED, true).build()))
                .containsExactly("A1", "a_b", "zeta", smile, privateUse, fullWidth, "a-b", "ab");
    }

    static Model described(String name, String description, String task, String framework, String license,
                           String... tags) {
        ModelDetails details = new ModelDetails(description, task, framework, license, "", "", "");
        return Model.add(ModelName.of(name), ModelPatch.of(details, Status.ACTIVE),
                Set.of(tags).stream().map(Tag::of).collect(Collectors.toSet()));
    }

    /**
     * SPEC §1: caseless is full case folding, and text is NFC too, in every store: SQL's lower() is neither (H2's
     * makes a final Σ a ς; PostgreSQL's keeps ß), so a database store compares forms folded in Java.
     */
    @Test
    void searches_caselessly_by_full_case_folding_and_nfc_like_every_other_store() throws Exception {
        commit(described("PixArt-alpha/PixArt-Sigma-XL-2-1024-MS", "Σ at the start", "Text-To-Image", "PyTorch",
                        "openrail++", "PixArt-Σ", "ΣΑΣ"),
                described("ΟΔΟΣ-bert", "ΟΣΤΡΑ, ΜΕΣΑ, ΤΕΛΟΣ", "fill-mask", "Straße", "ΟΔΟΣ-License", "straße"),
                described("İzmir-ﬁne", "crème brûle\u0301e", "", "", "İ-1.0", "ﬁne-tuned"),
                described("café-nlp/base", "decomposed: CAFE\u0301", "", "", ""),
                described("STRASSENBAHN", "", "", "", ""));
        reopen();

        assertThat(names(ModelQuery.everything())).as("by folded key").containsExactly("café-nlp/base",
                "İzmir-ﬁne", "PixArt-alpha/PixArt-Sigma-XL-2-1024-MS", "STRASSENBAHN", "ΟΔΟΣ-bert");
        assertThat(stored()).extracting(ModelSnapshot::key).containsExactly("café-nlp/base", "i\u0307zmir-fine",
                "pixart-alpha/pixart-sigma-xl-2-1024-ms", "strassenbahn", "οδοσ-bert");
        assertThat(stored().get(2).tags()).extracting(Tag::value).containsExactly("pixart-σ", "σασ");
        String pixart = "PixArt-alpha/PixArt-Sigma-XL-2-1024-MS";
        assertThat(names(ModelQuery.builder().all(Set.of(Tag.of("pixart-σ"))).build())).containsExactly(pixart);
        assertThat(names(ModelQuery.builder().all(Set.of(Tag.of("PIXART-ς"))).build())).containsExactly(pixart);
        assertThat(names(ModelQuery.builder().any(Set.of(Tag.of("ςας"), Tag.of("STRASSE"))).build()))
                .containsExactly(pixart, "ΟΔΟΣ-bert");
        assertThat(names(ModelQuery.builder().all(Set.of(Tag.of("ﬁne-tuned"))).build())).containsExactly("İzmir-ﬁne");
        assertThat(names(ModelQuery.builder().prefix("ΣΑ").build())).containsExactly(pixart);

        assertThat(names(ModelQuery.builder().text("ΟΣ").build())).containsExactly("ΟΔΟΣ-bert");
        assertThat(names(ModelQuery.builder().text("σ α").build())).isEmpty();
        assertThat(names(ModelQuery.builder().text("ς at").build())).containsExactly(pixart);
        assertThat(names(ModelQuery.builder().text("οδος-").build())).containsExactly("ΟΔΟΣ-bert");
        assertThat(names(ModelQuery.builder().text("μεςα").build())).containsExactly("ΟΔΟΣ-bert");
        assertThat(names(ModelQuery.builder().text("τελοσ").build())).containsExactly("ΟΔΟΣ-bert");
        assertThat(names(ModelQuery.builder().text("straß").build())).containsExactly("STRASSENBAHN");
        assertThat(names(ModelQuery.builder().text("FINE").build())).containsExactly("İzmir-ﬁne");
        assertThat(names(ModelQuery.builder().text("İZMIR").build())).containsExactly("İzmir-ﬁne");
        assertThat(names(ModelQuery.builder().text("İZMİR").build())).as("İ is i and a dot above").isEmpty();
        assertThat(names(ModelQuery.builder().text("izmir").build())).isEmpty();
        assertThat(names(ModelQuery.builder().text("cafe\u0301").build()))
                .containsExactly("café-nlp/base");
        assertThat(names(ModelQuery.builder().text("brûlée").build())).containsExactly("İzmir-ﬁne");

        assertThat(names(ModelQuery.builder().framework("STRASSE").build())).containsExactly("ΟΔΟΣ-bert");
        assertThat(names(ModelQuery.builder().license("οδος-license").build())).containsExactly("ΟΔΟΣ-bert");
        assertThat(names(ModelQuery.builder().license("i\u0307-1.0").build())).containsExactly("İzmir-ﬁne");
        assertThat(names(ModelQuery.builder().task("TEXT-TO-IMAGE").build())).containsExactly(pixart);
    }

    @Test
    void matches_whole_tags_and_prefixes_at_the_start_of_a_tag_only() throws Exception {
        commit(model("parts", "tags that hold other tags", "nlp-tools", "big-nlp", "dataset:squad", "c++"),
                model("whole", "the tags themselves", "nlp", "set:x", "c"));
        reopen();

        assertThat(names(ModelQuery.builder().all(Set.of(Tag.of("nlp"))).build())).containsExactly("whole");
        assertThat(names(ModelQuery.builder().any(Set.of(Tag.of("c"), Tag.of("tools"))).build()))
                .containsExactly("whole");
        assertThat(names(ModelQuery.builder().none(Set.of(Tag.of("nlp"))).build())).containsExactly("parts");
        assertThat(names(ModelQuery.builder().prefix("set:").build())).containsExactly("whole");
        assertThat(names(ModelQuery.builder().prefix("nlp").build())).containsExactly("parts", "whole");
        assertThat(names(ModelQuery.builder().all(Set.of(Tag.of("C++"))).build())).containsExactly("parts");
    }

    @Test
    void keeps_the_most_tags_a_model_may_have_at_their_longest() throws Exception {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            tags.add(String.format("%03d", i) + "é".repeat(97));
        }
        commit(model("many", "256 tags of 100 characters", tags.toArray(String[]::new)));
        reopen();

        ModelSnapshot stored = stored().get(0);
        assertThat(stored.tags()).hasSize(256);
        assertThat(stored.tags()).extracting(Tag::value).containsExactlyElementsOf(tags);
        assertThat(names(ModelQuery.builder().all(Set.of(Tag.of(tags.get(255)))).build())).containsExactly("many");
    }

    List<String> names(ModelQuery query) {
        return queries().search(query).stream().map(SearchHit::name).toList();
    }
}
