package io.catalogbatch.shared.domain;

/** A value that breaks a rule of its own (length, characters, format): the row carrying it is rejected. */
public final class InvalidValue extends DomainException {

    public InvalidValue(String reason, String field, String message) {
        super(reason, field, message);
    }
}
