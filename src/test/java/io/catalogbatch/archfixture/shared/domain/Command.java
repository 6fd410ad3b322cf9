package io.catalogbatch.archfixture.shared.domain;

/** Test fixture (clean): the miniature kernel's command marker. */
public interface Command {
}
