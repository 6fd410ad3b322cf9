package io.catalogbatch.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.ProgramChange.Kind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * "Could a spreadsheet program have turned the stored value into this cell?" (issue #21 item 4), on the changes
 * measured with LibreOffice Calc 7.4 and Gnumeric 1.12, and as properties: a program's rendering of a number, a
 * date, a cell's line ends is recognised; the same value, or an edit, is not.
 */
class ProgramChangeTest {

    @Test
    void recognises_what_calc_and_gnumeric_did_to_the_hostile_catalog() {
        String[][] measured = {
                {"007", "7", "NUMBER"}, {"00123", "123", "NUMBER"}, {"1e5", "100000", "NUMBER"},
                {"12345678901234567890", "1.23456789012346E+019", "NUMBER"},
                {"12345678901234567890", "12345678901234567000", "NUMBER"},
                {"10000000000000000001", "1.00000000000000E+019", "NUMBER"},
                {"3.0", "3", "NUMBER"}, {"1,000", "1000", "NUMBER"}, {"0.10", "0.1", "NUMBER"},
                {"(123)", "-123", "NUMBER"}, {"50%", "0.5", "NUMBER"}, {"50%", "50.00%", "NUMBER"},
                {"1e5", "1.00E+05", "NUMBER"}, {"1e5", "1.00e+05", "NUMBER"}, {"1/2", "01/02/26", "DATE"},
                {"1/2", "2026/01/02", "DATE"},
                {"2024-02-29", "2024/02/29", "DATE"}, {"2024-02-29", "02/29/2024", "DATE"},
                {"2024-02-29", "29.02.2024", "DATE"}, {"2024-02-29", "45351", "DATE"},
                {"2024-02-29", "2024-02-29 00:00:00", "DATE"}, {"1/2", "2026-01-02", "DATE"},
                {"1/2", "02/01/2026", "DATE"},
                {"line one\r\nline two\nline three", "line one\nline two\nline three", "LINE_ENDS"},
                {"'quoted at start", "quoted at start", "APOSTROPHE"}, {"'=x", "=x", "APOSTROPHE"},
                {"true", "TRUE", "TRUTH_VALUE"},
        };
        for (String[] c : measured) {
            assertThat(ProgramChange.between(c[0], c[1])).as(c[0] + " -> " + c[1])
                    .map(ProgramChange::kind).contains(Kind.valueOf(c[2]));
        }
    }

    @Test
    void an_edit_is_not_a_program_change() {
        String[][] edits = {
                {"3.5", "4"}, {"3.0", "3.1"}, {"007", "8"}, {"123456789012345678", "1.2E+17"}, {"1e5", "1e6"},
                {"2024-02-29", "2024-03-01"}, {"2024-02-29", "45352"}, {"2024-02-29", "2024"},
                {"apache-2.0", "apache 2"}, {"abc", "ABC"}, {"bert", "7"}, {"line\r\none", "line one"},
                {"quoted", "'quoted"}, {"50%", "50"}, {"7", "007"}, {"3", "3.0"}, {"1000", "1,000"}, {"0.1", "0.10"}, {"(123)", "123"}, {"1/2", "0.5"}, {"", "0"}, {"0", ""},
        };
        for (String[] c : edits) {
            assertThat(ProgramChange.between(c[0], c[1])).as(c[0] + " -> " + c[1]).isEmpty();
        }
    }

    @Test
    void the_cause_says_what_the_program_did_and_what_to_do() {
        assertThat(ProgramChange.between("3.0", "3").orElseThrow().cause()).isEqualTo("your spreadsheet program read "
                + "\"3.0\" as a number and wrote it back as \"3\": format the column as text, or edit the xlsx export");
        assertThat(ProgramChange.between("a\r\nb", "a\nb").orElseThrow().cause())
                .isEqualTo("your spreadsheet program wrote the line breaks of this cell as LF instead of CR LF");
    }

    @Property(tries = 1000)
    void a_value_is_never_a_change_of_itself(@ForAll String value) {
        assertThat(ProgramChange.between(value, value)).isEmpty();
    }

    @Property(tries = 1000)
    void a_number_written_as_a_program_shows_it_is_recognised(@ForAll("numbers") BigDecimal number,
                                                              @ForAll @IntRange(max = 3) int zeros) {
        String stored = number.toPlainString() + "0".repeat(zeros);
        String shown = number.stripTrailingZeros().toPlainString();
        assertRecognised(stored, shown, Kind.NUMBER);
        assertRecognised(stored, number.stripTrailingZeros().toString(), Kind.NUMBER);
        BigDecimal positive = number.abs();
        assertRecognised("0".repeat(zeros + 1) + positive.toPlainString(), positive.stripTrailingZeros().toPlainString(),
                Kind.NUMBER);
    }

    @Property(tries = 1000)
    void a_long_digit_string_rounded_to_15_significant_digits_is_recognised(@ForAll("longDigits") String digits) {
        BigDecimal rounded = new BigDecimal(digits).round(new MathContext(15));
        String calc = String.format("%.14E", rounded).replace("E+", "E+0");
        assertRecognised(digits, calc, Kind.NUMBER);
    }

    @Property(tries = 1000)
    void a_changed_number_is_an_edit(@ForAll("numbers") BigDecimal number, @ForAll("steps") BigDecimal step) {
        String edited = number.add(step).toPlainString();
        assertThat(ProgramChange.between(number.toPlainString(), edited)).isEmpty();
    }

    @Property(tries = 1000)
    void a_date_in_another_form_or_as_a_serial_number_is_recognised(@ForAll("dates") LocalDate date) {
        String iso = date.toString();
        assertRecognised(iso, date.format(DateTimeFormatter.ofPattern("yyyy/MM/dd")), Kind.DATE);
        assertRecognised(iso, date.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), Kind.DATE);
        assertRecognised(iso, date.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")), Kind.DATE);
        long serial = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), date);
        assertRecognised(iso, Long.toString(serial), Kind.DATE);
        assertThat(ProgramChange.between(iso, date.plusDays(1).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))))
                .as("another day").isEmpty();
    }

    @Property(tries = 1000)
    void crlf_written_as_lf_is_recognised(@ForAll("lines") String text) {
        String crlf = text.replace("\n", "\r\n");
        Optional<ProgramChange> change = ProgramChange.between(crlf, text);
        if (crlf.equals(text)) {
            assertThat(change).isEmpty();
        } else {
            assertThat(change).map(ProgramChange::kind).contains(Kind.LINE_ENDS);
        }
    }

    @Property(tries = 1000)
    void text_with_a_letter_added_is_an_edit(@ForAll String stored, @ForAll("letters") char letter) {
        assertThat(ProgramChange.between(stored, stored + letter)).isEmpty();
        assertThat(ProgramChange.between(stored, letter + stored)).isEmpty();
    }

    private static void assertRecognised(String stored, String cell, Kind kind) {
        if (!stored.equals(cell)) {
            assertThat(ProgramChange.between(stored, cell)).as(stored + " -> " + cell).map(ProgramChange::kind)
                    .contains(kind);
        }
    }

    @Provide
    Arbitrary<BigDecimal> numbers() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-1000000"), new BigDecimal("1000000")).ofScale(4);
    }

    @Provide
    Arbitrary<BigDecimal> steps() {
        return Arbitraries.of(new BigDecimal("1"), new BigDecimal("0.5"), new BigDecimal("-2"), new BigDecimal("0.001"));
    }

    @Provide
    Arbitrary<String> longDigits() {
        return Combinators.combine(Arbitraries.integers().between(1, 9), Arbitraries.strings().numeric()
                .ofMinLength(15).ofMaxLength(25)).as((first, rest) -> first + rest);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(0, 60_000).map(days -> LocalDate.of(1901, 1, 1).plusDays(days));
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.strings().withChars("ab \n").ofMaxLength(8);
    }

    @Provide
    Arbitrary<Character> letters() {
        return Arbitraries.chars().range('a', 'z');
    }
}
