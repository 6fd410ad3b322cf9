package io.catalogbatch.archfixture.shared.domain;

import com.ibm.icu.lang.UCharacter;

/** Test fixture (clean): the miniature kernel may use ICU4J, the one library a domain package may use. */
public final class Folding {

    private Folding() {
    }

    public static String fold(String text) {
        return UCharacter.foldCase(text, UCharacter.FOLD_CASE_DEFAULT);
    }
}
