package io.catalogbatch.shared.domain;

/** Something that happened; handled by any number of handlers, each failing alone. */
public non-sealed interface Event extends Message {
}
