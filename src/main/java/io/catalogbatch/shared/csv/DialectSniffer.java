package io.catalogbatch.shared.csv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the delimiter and the header record of a CSV text. A first line {@code sep=X} fixes the delimiter;
 * otherwise each candidate parses the text up to its first non-blank record, and the one whose header names
 * the most known columns wins (ties: more fields, then the order {@code , ; TAB |}). The winner's cursor is
 * kept, already past the header, so the file is not read again.
 */
final class DialectSniffer {

    static final String CANDIDATES = ",;\t|";

    /** The chosen delimiter, its header record and its cursor, positioned after the header. */
    record Dialect(char delimiter, RecordCursor.Record header, RecordCursor cursor) {
    }

    private record Attempt(char delimiter, RecordCursor cursor, RecordCursor.Record header, CsvFileRefused quoteError) {

        boolean usable() {
            return quoteError == null;
        }
    }

    private DialectSniffer() {
    }

    static Dialect sniff(CsvText text, Set<String> knownColumns) throws IOException {
        Optional<Character> sep = text.sepLine();
        List<Attempt> attempts = new ArrayList<>();
        try {
            if (sep.isPresent()) {
                attempts.add(attempt(text, sep.get(), true));
            } else {
                for (char candidate : CANDIDATES.toCharArray()) {
                    attempts.add(attempt(text, candidate, false));
                }
            }
            Attempt best = choose(text, attempts, knownColumns);
            attempts.remove(best);
            return new Dialect(best.delimiter(), best.header(), best.cursor());
        } finally {
            attempts.forEach(attempt -> attempt.cursor().close());
        }
    }

    private static Attempt attempt(CsvText text, char delimiter, boolean sepLine) throws IOException {
        RecordCursor cursor = RecordCursor.open(text, delimiter);
        try {
            if (sepLine) {
                cursor.next();
            }
            return new Attempt(delimiter, cursor, cursor.nextNonBlank(), null);
        } catch (CsvFileRefused refused) {
            if (isQuoteError(refused)) {
                // Quoting that only breaks with a wrong delimiter ("a;b",c read with ';') rules that delimiter out.
                return new Attempt(delimiter, cursor, null, refused);
            }
            cursor.close();
            throw refused;
        } catch (RuntimeException e) {
            cursor.close();
            throw e;
        }
    }

    private static Attempt choose(CsvText text, List<Attempt> attempts, Set<String> knownColumns)
            throws IOException {
        List<Attempt> usable = attempts.stream().filter(Attempt::usable).toList();
        if (usable.isEmpty()) {
            throw attempts.get(0).quoteError();
        }
        // A text that is blank for one delimiter holds only white space, quotes and that delimiter: no data.
        if (usable.stream().anyMatch(attempt -> attempt.header() == null)) {
            throw CsvFileRefused.emptyFile(text.file());
        }
        Attempt best = usable.get(0);
        for (Attempt attempt : usable) {
            int known = known(attempt, knownColumns);
            int bestKnown = known(best, knownColumns);
            if (known > bestKnown
                    || known == bestKnown && attempt.header().cells().size() > best.header().cells().size()) {
                best = attempt;
            }
        }
        if (known(best, knownColumns) == 0 && text.onlySeparators()) {
            throw CsvFileRefused.emptyFile(text.file());
        }
        if (known(best, knownColumns) == 0 && !knownColumns.isEmpty()) {
            // No delimiter finds a known column: a quote error ('name,"desc' cut off) says more than a missing column.
            for (Attempt attempt : attempts) {
                if (!attempt.usable()) {
                    throw attempt.quoteError();
                }
            }
        }
        return best;
    }

    private static int known(Attempt attempt, Set<String> knownColumns) {
        return (int) attempt.header().cells().stream().map(CsvHeader::normalise).distinct()
                .filter(knownColumns::contains).count();
    }

    private static boolean isQuoteError(CsvFileRefused refused) {
        return refused.reason().equals(CsvFileRefused.UNBALANCED_QUOTE)
                || refused.reason().equals(CsvFileRefused.MALFORMED_QUOTE);
    }
}
