package io.catalogbatch.catalog.service;

import static io.catalogbatch.catalog.service.ModelPatches.patch;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.shared.domain.DomainException;
import io.catalogbatch.shared.service.MessageBus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Successors in file order: a row may name a model that a later row of its file adds, when that row will be
 * accepted; the row that would close a cycle is refused, and every row whose successor leads to it. The file
 * is a list of commands here; the catalog the fake store.
 */
class NamesAheadTest extends CatalogServiceTestSupport {

    /** Every lookup of stored keys, and every reading of the file. */
    private final List<Collection<String>> lookups = new ArrayList<>();
    private int readings;

    /** The file of these rows over the fake store's catalog. */
    private NamesAhead namesAhead(AddModel... rows) {
        return namesAhead(uow::storedAmong, rows);
    }

    private NamesAhead namesAhead(Function<Collection<String>, Set<String>> storedAmong, AddModel... rows) {
        NamesAhead.ModelsFile file = action -> {
            readings++;
            List.of(rows).forEach(action);
        };
        return new NamesAhead(file, keys -> {
            lookups.add(List.copyOf(keys));
            return storedAmong.apply(keys);
        });
    }

    /** The rows of a file, handled in file order by a bus that knows the names ahead; what each row gave. */
    private List<String> importInFileOrder(AddModel... rows) {
        MessageBus fileBus = CatalogBootstrap.bus(uow, List.of(), namesAhead(rows));
        List<String> outcomes = new ArrayList<>();
        for (AddModel row : rows) {
            try {
                fileBus.handle(row);
                outcomes.add(row.name() + " stored");
            } catch (DomainException refused) {
                outcomes.add(row.name() + " " + refused.reason());
            }
        }
        return outcomes;
    }

    private static AddModel row(String name, String successor) {
        return new AddModel(name(name), patch().successor(successor).status(Status.DEPRECATED).build(), Set.of());
    }

    private static AddModel row(String name) {
        return new AddModel(name(name), patch().description(name).build(), Set.of());
    }

    @Test
    void a_successor_may_name_a_model_a_later_row_adds_and_is_stored_with_that_rows_spelling() {
        assertThat(importInFileOrder(row("GPT-3", "gpt-4"), row("GPT-4"))).containsExactly("GPT-3 stored",
                "GPT-4 stored");
        assertThat(stored("gpt-3").details().successor()).isEqualTo("GPT-4");
    }

    @Test
    void in_a_cycle_of_new_models_the_row_closing_it_and_every_row_leading_to_it_are_refused() {
        assertThat(importInFileOrder(row("a", "b"), row("b", "a"), row("c", "a"), row("d")))
                .containsExactly("a bad-successor", "b bad-successor", "c bad-successor", "d stored");
    }

    @Test
    void a_row_naming_a_later_row_that_is_refused_is_refused_and_a_later_acceptable_row_for_that_model_counts() {
        assertThat(importInFileOrder(row("a", "b"), row("b", "nowhere"), row("c", "d"), row("d", "d"), row("D")))
                .containsExactly("a bad-successor", "b bad-successor", "c stored", "d bad-successor", "D stored");
        assertThat(stored("c").details().successor()).isEqualTo("D");
    }

    @Test
    void a_model_the_catalog_holds_is_no_name_ahead_and_a_successor_naming_it_is_checked_as_stored() {
        given(row("stored"));
        NamesAhead ahead = namesAhead(row("stored", ""), row("new"));
        assertThat(ahead.displayName("stored")).isEmpty();
        assertThat(ahead.displayName("new")).hasValue("new");
        assertThat(importInFileOrder(row("x", "STORED"), row("y", "x"))).containsExactly("x stored", "y stored");
    }

    @Test
    void reads_the_file_once_on_the_first_question_and_never_when_none_is_asked() {
        NamesAhead ahead = namesAhead(row("a"), row("b"));
        assertThat(readings).isZero();
        ahead.displayName("a");
        ahead.displayName("b");
        ahead.displayName("c");
        assertThat(readings).isEqualTo(1);
    }

    @Test
    void asks_the_catalog_about_many_rows_at_once_and_counts_only_models_it_does_not_hold() {
        List<AddModel> rows = new ArrayList<>();
        rows.add(row("M-0000", "M-2499")); // names a model further down
        for (int i = 1; i < 2_500; i++) {
            rows.add(row(String.format("M-%04d", i)));
        }
        Function<Collection<String>, Set<String>> evenOnesStored = keys -> keys.stream()
                .filter(key -> Integer.parseInt(key.substring(2)) % 2 == 0).collect(Collectors.toSet());
        NamesAhead names = namesAhead(evenOnesStored, rows.toArray(AddModel[]::new));

        assertThat(names.displayName("m-2499")).hasValue("M-2499");
        assertThat(names.displayName("m-0001")).hasValue("M-0001");
        assertThat(names.displayName("m-0002")).isEmpty(); // the catalog holds it: not a model the file adds
        assertThat(names.displayName("m-9999")).isEmpty();

        assertThat(lookups).hasSize(3); // 2,500 valid rows, 1,000 at a time; then no lookup more
        assertThat(lookups).allSatisfy(keys -> assertThat(keys).hasSizeLessThanOrEqualTo(1_000));
        assertThat(lookups.get(0)).startsWith("m-0000", "m-0001");
    }
}
