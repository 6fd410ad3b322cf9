package io.catalogbatch.shared.batch;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Within one file the first accepted row for a key wins; later rows for it are duplicates (SPEC §3).
 * Remembers which line claimed each key. A rejected row claims nothing.
 */
public final class FirstRows {

    private final Map<String, Long> lines = new HashMap<>();

    public OptionalLong claimedBy(String key) {
        Long line = lines.get(key);
        return line == null ? OptionalLong.empty() : OptionalLong.of(line);
    }

    public void claim(String key, long line) {
        lines.putIfAbsent(key, line);
    }

    public int size() {
        return lines.size();
    }
}
