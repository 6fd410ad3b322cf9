package io.catalogbatch.archfixture.allocation.domain;

/** Test fixture (clean in itself): a class of a second bounded context, used by the planted catalog classes. */
public final class Allocation {
}
