package io.catalogbatch.allocation.domain;

import static io.catalogbatch.allocation.domain.AllocationAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Identifiers, quantities, etas and order lines: the values of SPEC §2. */
class ValuesTest {

    @Test
    void identifiers_are_trimmed_of_unicode_white_space_and_keep_their_case() {
        assertThat(Identifiers.required(" \u00A0S1\t", "sku")).isEqualTo("S1");
        assertThat(new OrderLine(" o-1 ", "s1", 1)).isEqualTo(new OrderLine("o-1", "s1", 1));
        assertThat(new OrderLine("o-1", "s1", 1)).isNotEqualTo(new OrderLine("o-1", "S1", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u00A0\t"})
    void an_empty_identifier_is_a_missing_field(String blank) {
        assertRejected(() -> new OrderLine(blank, "s1", 1), "missing-field", "orderid");
        assertRejected(() -> new OrderLine("o1", blank, 1), "missing-field", "sku");
    }

    @Test
    void a_line_needs_at_least_one_unit_and_a_batch_may_be_empty() {
        assertRejected(() -> new OrderLine("o1", "s1", 0), "bad-value", "qty");
        assertRejected(() -> new OrderLine("o1", "s1", -3), "bad-value", "qty");
        assertThat(new Batch("b1", "s1", 0, Eta.NONE).availableQuantity()).isZero();
        assertRejected(() -> new Batch("b1", "s1", -1, Eta.NONE), "bad-value", "qty");
    }

    @Test
    void a_quantity_cell_is_a_trimmed_whole_number() {
        assertThat(Quantities.parse(" 12 ", "qty", 1)).isEqualTo(12);
        assertThat(Quantities.parse("007", "qty", 1)).isEqualTo(7);
        assertThat(Quantities.parse("0", "qty", 0)).isZero();
        assertThat(Quantities.parse("2147483647", "qty", 1)).isEqualTo(Integer.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "1.5", "1e3", "-1", "+1", "1 000", "12kg", "2147483648", "99999999999999999999"})
    void a_quantity_cell_that_is_not_a_whole_number_is_a_bad_value(String cell) {
        assertRejected(() -> Quantities.parse(cell, "qty", 0), "bad-value", "qty");
    }

    @Test
    void a_quantity_cell_below_the_minimum_is_a_bad_value_and_an_empty_one_a_missing_field() {
        assertRejected(() -> Quantities.parse("0", "qty", Quantities.LINE_MIN), "bad-value", "qty");
        assertRejected(() -> Quantities.parse(" ", "qty", Quantities.LINE_MIN), "missing-field", "qty");
    }

    @Test
    void an_eta_cell_is_empty_or_an_iso_date() {
        assertThat(Eta.parse("")).isEqualTo(Eta.NONE);
        assertThat(Eta.parse("  ").isNone()).isTrue();
        assertThat(Eta.parse(" 2011-01-02 ").date()).contains(LocalDate.of(2011, 1, 2));
        assertThat(Eta.parse("2024-02-29").toString()).isEqualTo("2024-02-29");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2011/01/01", "01/02/2011", "20110101", "2011-1-1", "2011-02-30", "2023-02-29",
            "2011-13-01", "tomorrow", "2011-01-01T00:00:00Z", "40544"})
    void anything_else_is_a_bad_date(String cell) {
        assertRejected(() -> Eta.parse(cell), "bad-date", "eta");
    }

    @Test
    void etas_order_the_warehouse_first_then_by_date() {
        Eta early = Eta.on(LocalDate.of(2011, 1, 1));
        Eta late = Eta.on(LocalDate.of(2011, 1, 2));
        List<Eta> etas = new ArrayList<>(List.of(late, Eta.NONE, early));
        etas.sort(null);
        assertThat(etas).containsExactly(Eta.NONE, early, late);
        assertThat(Eta.NONE.compareTo(Eta.NONE)).isZero();
        assertThat(early).isEqualTo(Eta.on(LocalDate.of(2011, 1, 1))).hasSameHashCodeAs(Eta.parse("2011-01-01"));
    }
}
