package io.catalogbatch.allocation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.catalogbatch.shared.domain.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on broken rules: the reason code and field an entrypoint will report. */
public final class AllocationAssertions {

    private AllocationAssertions() {
    }

    /** Runs {@code call}, which must break a rule with this reason code on this field; returns the error. */
    public static DomainException assertRejected(ThrowingCallable call, String reason, String field) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a rejection '%s' on '%s'", reason, field).isInstanceOf(DomainException.class);
        DomainException rejection = (DomainException) thrown;
        assertThat(rejection.reason()).as("reason of: %s", rejection.getMessage()).isEqualTo(reason);
        assertThat(rejection.field()).as("field of: %s", rejection.getMessage()).isEqualTo(field);
        return rejection;
    }
}
