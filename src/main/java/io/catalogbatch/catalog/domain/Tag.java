package io.catalogbatch.catalog.domain;

import io.catalogbatch.shared.domain.Caseless;
import io.catalogbatch.shared.domain.InvalidValue;
import io.catalogbatch.shared.domain.ValuePool;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A tag in its canonical form (SPEC §1): NFKC, trimmed, fully case-folded ({@code PixArt-Σ} is {@code pixart-σ},
 * {@code Straße} is {@code strasse}), runs of white space and {@code _} as one {@code -}, runs of {@code -}
 * collapsed, no {@code -} at the edges. Two tags are equal when their canonical forms are.
 *
 * <p>Folding can take a letter apart: {@code ǰ} folds to {@code j} and a combining caron, {@code ᾶ} to
 * {@code α} and a combining perispomeni (26 letters, such as these, that lower-casing kept whole). The folded
 * text is put back into NFC, so that these stay valid tags (a combining mark is no letter) and every canonical
 * form is NFC and its own canonical form; NFKC would change nothing more there (TagTest checks both over every
 * code point). A letter that folds to one with no composed form stays apart, as it did lower-cased:
 * {@code İ} gives {@code i} and a combining dot above, which is {@code bad-tag}.
 */
public record Tag(String value) implements Comparable<Tag> {

    public static final int MAX_LENGTH = 100;
    private static final ValuePool<Tag> CANONICAL = new ValuePool<>(100_000);
    private static final ValuePool<Tag> AS_WRITTEN = new ValuePool<>(100_000);
    private static final ValuePool<Tag> LOWER_CASED = new ValuePool<>(100_000);

    public Tag {
        if (!value.equals(canonical(value))) {
            throw new IllegalArgumentException("not a canonical tag: " + value);
        }
        validate(value);
    }

    /** Canonicalises and validates a tag as a user wrote it. */
    public static Tag of(String raw) {
        return AS_WRITTEN.get(raw, written -> stored(canonical(written)));
    }

    /** A tag as a store keeps it (canonical already); refuses one that is not. */
    public static Tag stored(String canonical) {
        return CANONICAL.get(canonical, Tag::new);
    }

    /**
     * A tag as an earlier version stored it: canonical, but lower-cased where this version folds
     * ({@code pixart-ς}, {@code straße}); given in its canonical form now. Refuses any other text, as
     * {@link #stored} does, so that a damaged file is still told from an old one.
     */
    public static Tag storedLowerCased(String stored) {
        return LOWER_CASED.get(stored, text -> {
            String folded = Caseless.fold(text);
            folded = Caseless.isAscii(folded) ? folded : Normalizer.normalize(folded, Normalizer.Form.NFC);
            if (!text.equals(text.toLowerCase(Locale.ROOT)) || !folded.equals(canonical(text))) {
                throw new IllegalArgumentException("not a canonical tag, nor one of an earlier version: " + text);
            }
            return stored(folded);
        });
    }

    /** The canonical form of any text; used for stored tags and for query tags and prefixes alike. */
    public static String canonical(String raw) {
        String folded = Caseless.fold(Text.trim(Normalizer.normalize(raw, Normalizer.Form.NFKC)));
        if (!Caseless.isAscii(folded)) {
            folded = Normalizer.normalize(folded, Normalizer.Form.NFC);
        }
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            // SPEC §8: TAB, CR and LF are white space; other control characters (VT, FF, NEL) stay, to be bad-tag
            boolean space = Text.isWhiteSpace(c) && (!Text.isControl(c) || c == '\t' || c == '\n' || c == '\r');
            boolean dash = c == '-' || c == '_' || space;
            if (!dash) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == '-') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static void validate(String value) {
        if (value.isEmpty()) {
            throw new InvalidValue("missing-field", "tag", "the tag is empty");
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!Character.isLetterOrDigit(c) && ".+/-:".indexOf(c) < 0) {
                throw new InvalidValue("bad-tag", "tag", String.format(
                        "tag \"%s\" contains %s; tags may hold letters, digits and . _ / + - : only",
                        value, describe(c)));
            }
            i += Character.charCount(c);
        }
        Text.maxLength(value, "tag", MAX_LENGTH);
    }

    private static String describe(int c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                ? String.format("the control character U+%04X", c)
                : String.format("'%s' (U+%04X)", Character.toString(c), c);
    }

    @Override
    public int compareTo(Tag other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
