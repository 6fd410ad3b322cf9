package io.catalogbatch.shared.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.shared.domain.Command;
import io.catalogbatch.shared.domain.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageBusTest {

    sealed interface Greeting extends Command permits Hello, Bye {
    }

    record Hello(String who) implements Greeting {
    }

    record Bye(String who) implements Greeting {
    }

    record Unsealed() implements Command {
    }

    interface Greeted extends Event {
    }

    record SaidHello(String who) implements Greeted {
    }

    record SaidBye(String who) implements Greeted {
    }

    record Echoed(String what) implements Event {
    }

    /** A unit of work whose "committed" events are whatever the test's handlers put in it. */
    static final class RecordingUnitOfWork implements UnitOfWork {
        private final Deque<Event> committed = new ArrayDeque<>();

        void raise(Event event) {
            committed.add(event);
        }

        @Override
        public void commit() {
        }

        @Override
        public void close() {
        }

        @Override
        public List<Event> collectNewEvents() {
            List<Event> events = List.copyOf(committed);
            committed.clear();
            return events;
        }
    }

    private final RecordingUnitOfWork uow = new RecordingUnitOfWork();
    private final List<String> log = new ArrayList<>();

    @Test
    void the_builder_refuses_a_second_handler_for_one_command() {
        MessageBus.Builder builder = MessageBus.builder(uow).command(Hello.class, hello -> { });
        assertThatThrownBy(() -> builder.command(Hello.class, hello -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Hello");
    }

    @Test
    void build_refuses_a_sealed_family_with_an_unhandled_command() {
        MessageBus.Builder builder = MessageBus.builder(uow).commandsOf(Greeting.class)
                .command(Hello.class, hello -> { });
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("Bye");
    }

    @Test
    void build_accepts_a_sealed_family_whose_every_command_is_handled() {
        MessageBus bus = MessageBus.builder(uow).commandsOf(Greeting.class)
                .command(Hello.class, hello -> log.add("hello " + hello.who()))
                .command(Bye.class, bye -> log.add("bye " + bye.who()))
                .build();
        bus.handle(new Bye("ada"));
        bus.handle(new Hello("bob"));
        assertThat(log).containsExactly("bye ada", "hello bob");
    }

    @Test
    void a_family_must_be_sealed() {
        assertThatThrownBy(() -> MessageBus.builder(uow).commandsOf(Command.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_command_without_a_handler_fails() {
        MessageBus bus = MessageBus.builder(uow).command(Hello.class, hello -> { }).build();
        assertThatThrownBy(() -> bus.handle(new Unsealed()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Unsealed");
    }

    @Test
    void a_command_handler_failure_propagates() {
        MessageBus bus = MessageBus.builder(uow).command(Hello.class, hello -> {
            throw new IllegalArgumentException("no greeting for " + hello.who());
        }).build();
        assertThatThrownBy(() -> bus.handle(new Hello("eve")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no greeting for eve");
        assertThat(bus.failedEventHandlings()).isZero();
    }

    @Test
    void the_events_a_command_committed_go_to_every_handler_of_their_type_in_registration_order() {
        MessageBus bus = MessageBus.builder(uow)
                .command(Hello.class, hello -> {
                    uow.raise(new SaidHello(hello.who()));
                    uow.raise(new Echoed(hello.who()));
                })
                .event(SaidHello.class, said -> log.add("first " + said))
                .event(Greeted.class, greeted -> log.add("supertype " + greeted))
                .event(SaidBye.class, said -> log.add("never " + said))
                .event(SaidHello.class, said -> log.add("second " + said))
                .event(Echoed.class, echoed -> log.add("echo " + echoed.what()))
                .build();

        bus.handle(new Hello("ada"));

        assertThat(log).containsExactly("first SaidHello[who=ada]", "supertype SaidHello[who=ada]",
                "second SaidHello[who=ada]", "echo ada");
    }

    @Test
    void events_an_event_handler_commits_are_handled_in_turn() {
        MessageBus bus = MessageBus.builder(uow)
                .command(Hello.class, hello -> uow.raise(new SaidHello(hello.who())))
                .event(SaidHello.class, said -> {
                    log.add("said hello");
                    uow.raise(new SaidBye(said.who()));
                })
                .event(SaidBye.class, said -> log.add("said bye to " + said.who()))
                .build();

        bus.handle(new Hello("ada"));

        assertThat(log).containsExactly("said hello", "said bye to ada");
    }

    @Test
    void a_failing_event_handler_is_counted_and_the_other_handlers_still_run() {
        MessageBus bus = MessageBus.builder(uow)
                .command(Hello.class, hello -> {
                    uow.raise(new SaidHello(hello.who()));
                    uow.raise(new SaidHello(hello.who() + "2"));
                })
                .event(SaidHello.class, said -> {
                    throw new IllegalStateException("boom");
                })
                .event(SaidHello.class, said -> log.add("after " + said.who()))
                .build();

        bus.handle(new Hello("ada"));
        bus.handle(new Hello("bob"));

        assertThat(log).containsExactly("after ada", "after ada2", "after bob", "after bob2");
        assertThat(bus.failedEventHandlings()).isEqualTo(4);
    }

    @Test
    void an_event_may_be_handled_directly() {
        MessageBus bus = MessageBus.builder(uow).event(Echoed.class, echoed -> log.add(echoed.what())).build();
        bus.handle(new Echoed("ping"));
        assertThat(log).containsExactly("ping");
    }
}
