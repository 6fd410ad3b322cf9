package io.catalogbatch.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.UnknownModel;
import io.catalogbatch.catalog.domain.commands.ArchiveModel;
import io.catalogbatch.catalog.domain.commands.TagModel;
import io.catalogbatch.catalog.domain.events.ModelAdded;
import io.catalogbatch.catalog.domain.events.ModelEvent;
import io.catalogbatch.catalog.domain.events.ModelTagged;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import io.catalogbatch.shared.service.Handler;
import io.catalogbatch.shared.service.MessageBus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog's bus as bootstrapped: event delivery, failing event handlers, the fake's read side. */
class CatalogBusTest extends CatalogServiceTestSupport {

    @Test
    void events_reach_the_handlers_in_the_order_they_were_recorded() {
        when(add("bert", "b-tag", "a-tag"));
        when(new TagModel(name("bert"), tag("c-tag")));

        assertThat(published).containsExactly(
                new ModelAdded(name("bert"), ModelDetails.NONE, Status.ACTIVE, 1),
                new ModelTagged(name("bert"), tag("a-tag"), 2),
                new ModelTagged(name("bert"), tag("b-tag"), 3),
                new ModelTagged(name("bert"), tag("c-tag"), 4));
    }

    @Test
    void every_handler_gets_every_event_in_registration_order() {
        List<String> calls = new ArrayList<>();
        Handler<ModelEvent> first = event -> calls.add("first@" + event.revision());
        Handler<ModelEvent> second = event -> calls.add("second@" + event.revision());
        MessageBus twoHandlers = CatalogBootstrap.bus(uow, List.of(first, second));

        twoHandlers.handle(add("bert", "nlp"));

        assertThat(calls).containsExactly("first@1", "second@1", "first@2", "second@2");
    }

    @Test
    void a_failing_event_handler_is_counted_and_neither_stops_the_others_nor_fails_the_command() {
        List<ModelEvent> seen = new ArrayList<>();
        Handler<ModelEvent> failing = event -> {
            throw new IllegalStateException("read model down");
        };
        MessageBus withFailure = CatalogBootstrap.bus(uow, List.of(failing, seen::add));

        withFailure.handle(add("bert", "nlp", "encoder"));

        assertThat(stored("bert").revision()).isEqualTo(3);
        assertThat(seen).hasSize(3);
        assertThat(withFailure.failedEventHandlings()).isEqualTo(3);
    }

    @Test
    void a_handler_failing_on_one_kind_of_event_is_counted_once_per_failure() {
        Handler<ModelEvent> failsOnTags = event -> {
            if (event instanceof ModelTagged) {
                throw new IllegalStateException("tag index down");
            }
        };
        MessageBus withFailure = CatalogBootstrap.bus(uow, List.of(failsOnTags));

        withFailure.handle(add("bert", "nlp"));
        withFailure.handle(new TagModel(name("bert"), tag("encoder")));

        assertThat(withFailure.failedEventHandlings()).isEqualTo(2);
        assertThat(stored("bert").tags()).containsExactly(tag("encoder"), tag("nlp"));
    }

    @Test
    void a_refused_command_propagates_its_error_and_publishes_nothing() {
        assertThatThrownBy(() -> bus.handle(new TagModel(name("gpt"), tag("nlp")))).isInstanceOf(UnknownModel.class);
        assertThat(published).isEmpty();
        assertThat(bus.failedEventHandlings()).isZero();
    }

    @Test
    void the_bus_works_without_event_handlers() {
        MessageBus plain = CatalogBootstrap.bus(uow);
        plain.handle(add("bert", "nlp"));
        assertThat(stored("bert").tags()).containsExactly(tag("nlp"));
        assertThat(plain.failedEventHandlings()).isZero();
    }

    @Test
    void the_fake_read_side_sees_what_was_committed() {
        given(add("bert", "nlp"), add("GPT-2", "llm"), add("t5"), new ArchiveModel(name("t5")));

        assertThat(uow.countModels()).isEqualTo(3);
        List<String> all = new ArrayList<>();
        uow.forEachModel(model -> all.add(model.name().display()));
        assertThat(all).containsExactly("bert", "GPT-2", "t5");
        assertThat(uow.search(ModelQuery.everything())).extracting(SearchHit::name).containsExactly("bert", "GPT-2");
    }
}
