package io.catalogbatch.shared.domain;

/** An imperative request to change the system; handled by exactly one handler. */
public non-sealed interface Command extends Message {
}
