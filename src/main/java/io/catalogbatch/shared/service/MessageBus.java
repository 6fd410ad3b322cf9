package io.catalogbatch.shared.service;

import io.catalogbatch.shared.domain.Command;
import io.catalogbatch.shared.domain.Event;
import io.catalogbatch.shared.domain.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A queue-driven bus, as in Cosmic Python: it handles a message, then the events its unit of work
 * collected, until the queue is empty. A command has exactly one handler and its exception propagates;
 * an event may have any number of handlers, and each one that fails is logged and counted, never dropped
 * silently. One bus (and one unit of work) per thread.
 */
public final class MessageBus {

    private static final Logger log = LoggerFactory.getLogger(MessageBus.class);

    private final UnitOfWork uow;
    private final Map<Class<?>, Handler<Command>> commandHandlers;
    private final List<EventSubscription> eventHandlers;
    private long failedEventHandlings;

    private MessageBus(UnitOfWork uow, Map<Class<?>, Handler<Command>> commandHandlers,
                       List<EventSubscription> eventHandlers) {
        this.uow = uow;
        this.commandHandlers = Map.copyOf(commandHandlers);
        this.eventHandlers = List.copyOf(eventHandlers);
    }

    public static Builder builder(UnitOfWork uow) {
        return new Builder(uow);
    }

    /** Handles the message and every event it leads to; a command's failure propagates to the caller. */
    public void handle(Message message) {
        dispatch(message);
        List<Event> events = uow.collectNewEvents();
        if (events.isEmpty()) {
            return; // most commands of an import raise no event: no queue to make for each row
        }
        Deque<Message> queue = new ArrayDeque<>(events);
        while (!queue.isEmpty()) {
            dispatch(queue.poll());
            queue.addAll(uow.collectNewEvents());
        }
    }

    private void dispatch(Message message) {
        if (message instanceof Command command) {
            handleCommand(command);
        } else {
            handleEvent((Event) message);
        }
    }

    /** How many event handlers have failed since this bus was built. */
    public long failedEventHandlings() {
        return failedEventHandlings;
    }

    private void handleCommand(Command command) {
        Handler<Command> handler = commandHandlers.get(command.getClass());
        if (handler == null) {
            throw new IllegalStateException("no handler for command " + command.getClass().getSimpleName());
        }
        handler.handle(command);
    }

    private void handleEvent(Event event) {
        for (EventSubscription subscription : eventHandlers) {
            if (!subscription.type().isInstance(event)) {
                continue;
            }
            try {
                subscription.handler().handle(event);
            } catch (RuntimeException e) {
                failedEventHandlings++;
                log.error("event handler failed on {}", event, e);
            }
        }
    }

    private record EventSubscription(Class<?> type, Handler<Event> handler) {
    }

    /** Registers handlers; {@link #build()} checks that every command of a declared family has one. */
    public static final class Builder {

        private final UnitOfWork uow;
        private final Map<Class<?>, Handler<Command>> commandHandlers = new LinkedHashMap<>();
        private final List<EventSubscription> eventHandlers = new ArrayList<>();
        private final List<Class<? extends Command>> families = new ArrayList<>();

        private Builder(UnitOfWork uow) {
            this.uow = uow;
        }

        @SuppressWarnings("unchecked")
        public <C extends Command> Builder command(Class<C> type, Handler<? super C> handler) {
            if (commandHandlers.putIfAbsent(type, (Handler<Command>) handler) != null) {
                throw new IllegalStateException("a second handler for command " + type.getSimpleName());
            }
            return this;
        }

        @SuppressWarnings("unchecked")
        public <E extends Event> Builder event(Class<E> type, Handler<? super E> handler) {
            eventHandlers.add(new EventSubscription(type, (Handler<Event>) handler));
            return this;
        }

        /** Declares a sealed command interface whose every permitted command must have a handler. */
        public Builder commandsOf(Class<? extends Command> sealedFamily) {
            if (!sealedFamily.isSealed()) {
                throw new IllegalArgumentException(sealedFamily.getSimpleName() + " is not sealed");
            }
            families.add(sealedFamily);
            return this;
        }

        public MessageBus build() {
            for (Class<? extends Command> family : families) {
                for (Class<?> command : family.getPermittedSubclasses()) {
                    if (!commandHandlers.containsKey(command)) {
                        throw new IllegalStateException("no handler for command " + command.getSimpleName());
                    }
                }
            }
            return new MessageBus(uow, commandHandlers, eventHandlers);
        }
    }
}
