package io.catalogbatch.catalog.service;

import java.util.function.UnaryOperator;

/**
 * A catalog written by an earlier version, which keyed names by lower-casing, holds two models whose names are
 * one under case folding (SPEC §1: {@code Straße} and {@code STRASSE}, {@code ΟΔΟΣ} and {@code οδοσ}). A store
 * cannot hold both under one key, and which one to rename is the user's call: the store stops before it changes
 * anything.
 */
public final class CaseFoldingCollision extends RuntimeException {

    private final String first;
    private final String second;

    private CaseFoldingCollision(String first, String second, String howToRename) {
        super(String.format("the catalog holds two models, \"%s\" and \"%s\", whose names are one name now that"
                + " names are compared by Unicode case folding (ß is ss; Σ, σ and ς are one letter), so it cannot be"
                + " brought to this version of catalog-batch; nothing was changed. Rename one of them (%s), then run"
                + " the command again", first, second, howToRename));
        this.first = first;
        this.second = second;
    }

    /**
     * The two names in code-unit order; {@code howToRename} says, for the store at hand, how to give the second
     * of them another name.
     */
    public static CaseFoldingCollision between(String one, String other, UnaryOperator<String> howToRename) {
        boolean inOrder = one.compareTo(other) <= 0;
        String first = inOrder ? one : other;
        String second = inOrder ? other : one;
        return new CaseFoldingCollision(first, second, howToRename.apply(second));
    }

    public String first() {
        return first;
    }

    public String second() {
        return second;
    }
}
