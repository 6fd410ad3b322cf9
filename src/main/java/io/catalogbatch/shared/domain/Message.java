package io.catalogbatch.shared.domain;

/** Anything the message bus carries: a command or an event. */
public sealed interface Message permits Command, Event {
}
