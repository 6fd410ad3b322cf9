package io.catalogbatch.archfixture.catalog.domain;

import com.ibm.icu.lang.UCharacter;

/** PLANTED VIOLATION (test fixture): a context's domain using ICU4J itself, which only the kernel may. */
final class FoldsWithoutTheKernel {

    private FoldsWithoutTheKernel() {
    }

    static String fold(String text) {
        return UCharacter.foldCase(text, UCharacter.FOLD_CASE_DEFAULT);
    }
}
