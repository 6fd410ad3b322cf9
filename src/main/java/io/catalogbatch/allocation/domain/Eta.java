package io.catalogbatch.allocation.domain;

import io.catalogbatch.shared.domain.InvalidValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a batch arrives: {@link #NONE} for stock already in the warehouse, else a date. Ordered as the
 * allocation prefers batches: in the warehouse first, then the earliest date.
 */
public final class Eta implements Comparable<Eta> {

    /** No eta: the batch is in the warehouse, preferred to any shipment. */
    public static final Eta NONE = new Eta(null);

    private static final Pattern ISO_DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");

    private final LocalDate date;

    private Eta(LocalDate date) {
        this.date = date;
    }

    public static Eta on(LocalDate date) {
        return new Eta(Objects.requireNonNull(date, "date"));
    }

    /** A cell of the {@code eta} column: empty is {@link #NONE}, else an ISO date {@code YYYY-MM-DD} or {@code bad-date}. */
    public static Eta parse(String cell) {
        String value = Identifiers.trim(cell == null ? "" : cell);
        if (value.isEmpty()) {
            return NONE;
        }
        Matcher m = ISO_DATE.matcher(value);
        if (m.matches()) {
            try {
                return on(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (DateTimeException e) {
                // not a real date: reported below
            }
        }
        throw new InvalidValue("bad-date", "eta", String.format(
                "eta \"%s\" is not a date like 2011-01-31; leave it empty for stock in the warehouse", value));
    }

    public Optional<LocalDate> date() {
        return Optional.ofNullable(date);
    }

    public boolean isNone() {
        return date == null;
    }

    @Override
    public int compareTo(Eta other) {
        if (date == null || other.date == null) {
            return Boolean.compare(date != null, other.date != null);
        }
        return date.compareTo(other.date);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Eta eta && Objects.equals(date, eta.date);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(date);
    }

    /** The ISO date, or empty for {@link #NONE}: the cell as {@code batches.csv} writes it. */
    @Override
    public String toString() {
        return date == null ? "" : date.toString();
    }
}
