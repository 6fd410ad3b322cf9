package io.catalogbatch.catalog.domain;

import io.catalogbatch.shared.domain.Caseless;
import io.catalogbatch.shared.domain.InvalidValue;

/**
 * A model's name as first spelled (trimmed, NFC) and its identity key: the full case folding of it (SPEC §1), so
 * that {@code LLaMA-2} and {@code  llama-2 } name the same model, and so do {@code Straße} and {@code STRASSE},
 * {@code PixArt-Σ} and {@code pixart-ς}.
 */
public record ModelName(String display, String key) {

    public static final int MAX_LENGTH = 200;

    public ModelName {
        if (display.isEmpty()) {
            throw new InvalidValue("missing-field", "name", "the model name is empty; every model needs a name");
        }
        if (!key.equals(keyOf(display))) {
            throw new IllegalArgumentException("key " + key + " does not belong to " + display);
        }
    }

    /** Validates and normalises a name as a user wrote it. */
    public static ModelName of(String raw) {
        String display = Text.label(raw, "name", MAX_LENGTH);
        return new ModelName(display, keyOf(display));
    }

    /**
     * The key of a name as displayed (trimmed, NFC). Also brings a key of an earlier version (lower-cased) to
     * this one: folding a lower-cased name gives what folding the name gives.
     */
    public static String keyOf(String display) {
        return Caseless.fold(display);
    }

    public boolean sameModelAs(ModelName other) {
        return key.equals(other.key);
    }

    @Override
    public String toString() {
        return display;
    }
}
