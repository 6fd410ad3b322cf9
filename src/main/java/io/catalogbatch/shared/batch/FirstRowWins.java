package io.catalogbatch.shared.batch;

import java.util.OptionalLong;

/**
 * Duplicate detection within one input file (SPEC §3): the first accepted row for a key wins, a later row for
 * it is a {@code duplicate}. A rejected row claims nothing. An import step asks before handing a row's command
 * to the bus, and claims the key once the bus accepted it.
 */
public interface FirstRowWins {

    /** The line of the accepted row that claimed this key, if one did. */
    OptionalLong claimedBy(String key);

    /** The row on this line was accepted: its key is claimed (a key claimed already stays with its first line). */
    void claim(String key, long line);
}
