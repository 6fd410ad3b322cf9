package io.catalogbatch.shared.domain;

/**
 * A broken business rule. Carries the reason code of the specification (`bad-tag`, `unknown-model`, ...)
 * and the field it concerns, so that an entrypoint can report it in the user's words.
 */
public abstract class DomainException extends RuntimeException {

    private final String reason;
    private final String field;

    protected DomainException(String reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    /** The specification's reason code, e.g. {@code bad-tag}. */
    public String reason() {
        return reason;
    }

    /** The field (CSV column) the rule concerns; empty when it concerns the whole row. */
    public String field() {
        return field;
    }
}
