package io.catalogbatch.catalog.service;

import java.util.Optional;

/**
 * Models that are not stored yet but that a valid row of the same file will add, so that a successor may
 * name them (a sorted export names successors further down the file, and must import back).
 */
@FunctionalInterface
public interface ForwardReferences {

    ForwardReferences NONE = key -> Optional.empty();

    /** The display name of the model with this key that a later row adds, if any. */
    Optional<String> displayName(String key);
}
