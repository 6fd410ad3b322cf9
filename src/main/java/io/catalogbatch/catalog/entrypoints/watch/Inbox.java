package io.catalogbatch.catalog.entrypoints.watch;

import io.catalogbatch.shared.faults.FaultPoint;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The inbox of {@code watch}: the {@code *models*.csv}, {@code *models*.xlsx} and {@code *tags*.csv} files dropped in
 * it, paired by name ({@code acme-models.csv} with {@code acme-tags.csv}; a workbook's tags are in its tags cell, so
 * it is a batch of its own), whether each is ready (a {@code NAME.ready} marker
 * beside it, or size and modification time unchanged for the settle period), and where they go after their
 * import: {@code done/<date>/} or {@code failed/<date>/}, with their report folder beside them. Nothing is ever
 * deleted; only regular files directly in the folder whose names do not start with {@code .} are looked at.
 */
public final class Inbox {

    static final String READY_SUFFIX = ".ready";
    static final String DONE = "done";
    static final String FAILED = "failed";
    /** The watcher's own folder in the inbox: its lock and the report folders of runs not filed yet. */
    public static final String WORK_FOLDER = ".catalog-batch";

    /** The files of one import: a models file and its tags file, or either alone. */
    record Batch(Path models, Path tags) {

        List<Path> files() {
            return Stream.of(models, tags).filter(Objects::nonNull).toList();
        }

        /** The name the batch goes by: its models file's, else its tags file's, without its extension. */
        String name() {
            String file = (models != null ? models : tags).getFileName().toString();
            return file.substring(0, file.lastIndexOf('.'));
        }
    }

    /**
     * A batch, whether all its files are ready to be read, and, when not, whether waiting makes them ready (they
     * settle; a file that needs a marker waits for its sender instead).
     */
    record Candidate(Batch batch, boolean ready, boolean settling) {
    }

    /** Where a batch went: its folder, its files and marker files there, and its report folder. */
    record Filed(Path folder, Map<Path, Path> files, Path report) {
    }

    /** What the watcher saw of a file: its size and time, since when unchanged. */
    private record Seen(long size, Instant modified, Instant since) {
    }

    private final Path folder;
    private final Duration settle;
    private final boolean markerRequired;
    private final Clock clock;
    private final Map<Path, Seen> seen = new HashMap<>();

    Inbox(Path folder, Duration settle, boolean markerRequired, Clock clock) {
        this.folder = folder.toAbsolutePath().normalize();
        this.settle = settle;
        this.markerRequired = markerRequired;
        this.clock = clock;
    }

    Path folder() {
        return folder;
    }

    Path workFolder() {
        return folder.resolve(WORK_FOLDER);
    }

    /**
     * The batches in the inbox now, in name order. A tags file pairs with the models file of the same name but
     * {@code tags} for {@code models} (case aside); a tags file without one is a batch of its own. A file must
     * be seen unchanged for the settle period (or have its marker) to be ready, so call this once per poll.
     * A file another watcher takes between the listing and the look at it is left out, as if listed a moment later.
     */
    List<Candidate> look() throws IOException {
        List<Path> listed = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (!name.startsWith(".") && isInboxFile(lower) && Files.isRegularFile(file)) {
                    listed.add(file);
                }
            }
        }
        FaultPoint.reach("inbox-listed");
        Map<Path, Boolean> ready = new LinkedHashMap<>();
        for (Path file : listed) {
            try {
                ready.put(file, ready(file));
            } catch (NoSuchFileException takenMeanwhile) {
                // filed by another watcher since the listing: not in the inbox any more
            }
        }
        seen.keySet().retainAll(ready.keySet());
        Map<String, Path> models = new TreeMap<>();
        Map<String, Path> tags = new TreeMap<>();
        for (Path file : ready.keySet()) {
            String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (lower.contains("models")) {
                models.putIfAbsent(lower.replaceFirst("models", "\u0000"), file);
            } else {
                tags.putIfAbsent(lower.replaceFirst("tags", "\u0000"), file);
            }
        }
        Map<String, Batch> batches = new TreeMap<>();
        models.forEach((key, file) -> batches.put(file.getFileName().toString(), new Batch(file, tags.get(key))));
        tags.forEach((key, file) -> {
            if (!models.containsKey(key)) {
                batches.put(file.getFileName().toString(), new Batch(null, file));
            }
        });
        return batches.values().stream()
                .map(batch -> {
                    boolean all = batch.files().stream().allMatch(ready::get);
                    return new Candidate(batch, all, !all && !markerRequired);
                })
                .toList();
    }

    /** A CSV file whose name has {@code models} or {@code tags}, or a workbook whose name has {@code models}. */
    private static boolean isInboxFile(String lowerName) {
        return lowerName.endsWith(".csv") && (lowerName.contains("models") || lowerName.contains("tags"))
                || lowerName.endsWith(".xlsx") && lowerName.contains("models");
    }

    /** The files of the batch no longer in the inbox: another watcher took them since this one looked. */
    List<Path> gone(Batch batch) {
        return batch.files().stream().filter(file -> !Files.isRegularFile(file)).toList();
    }

    private boolean ready(Path file) throws IOException {
        if (Files.exists(marker(file))) {
            return true;
        }
        if (markerRequired) {
            return false;
        }
        long size = Files.size(file);
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        Instant now = clock.instant();
        Seen before = seen.get(file);
        if (before == null || before.size() != size || !before.modified().equals(modified)) {
            seen.put(file, new Seen(size, modified, now));
            return settle.isZero();
        }
        return !before.since().plus(settle).isAfter(now);
    }

    private static Path marker(Path file) {
        return file.resolveSibling(file.getFileName() + READY_SUFFIX);
    }

    /**
     * Moves the batch's files (with their markers) and its report folder into {@code done/<date>/} or
     * {@code failed/<date>/}; the report folder becomes {@code <batch name>.report}. A name taken there by an
     * earlier batch gets {@code -2}, {@code -3} ... before its extension, the same for every file of the batch.
     */
    Filed file(Batch batch, boolean done, LocalDate date, Path report) throws IOException {
        Path target = folder.resolve(done ? DONE : FAILED).resolve(date.toString());
        Files.createDirectories(target);
        Map<Path, Path> moves = new LinkedHashMap<>();
        for (Path file : batch.files()) {
            moves.put(file, file.getFileName());
            if (Files.exists(marker(file))) {
                moves.put(marker(file), marker(file).getFileName());
            }
        }
        String reportName = batch.name() + ".report";
        String suffix = "";
        for (int n = 2; taken(target, moves.values(), reportName, suffix); n++) {
            suffix = "-" + n;
        }
        Map<Path, Path> filed = new LinkedHashMap<>();
        for (Map.Entry<Path, Path> move : moves.entrySet()) {
            Path to = target.resolve(withSuffix(move.getValue().toString(), suffix));
            move(move.getKey(), to);
            filed.put(move.getKey(), to);
        }
        Path reportTo = target.resolve(withSuffix(reportName, suffix));
        move(report, reportTo);
        return new Filed(target, filed, reportTo);
    }

    private static boolean taken(Path target, Iterable<Path> names, String reportName, String suffix) {
        if (Files.exists(target.resolve(withSuffix(reportName, suffix)))) {
            return true;
        }
        for (Path name : names) {
            if (Files.exists(target.resolve(withSuffix(name.toString(), suffix)))) {
                return true;
            }
        }
        return false;
    }

    /** {@code acme-models.csv} with {@code -2}: {@code acme-models-2.csv}; markers keep their {@code .ready}. */
    private static String withSuffix(String name, String suffix) {
        if (suffix.isEmpty()) {
            return name;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String extension : List.of(".csv" + READY_SUFFIX, ".xlsx" + READY_SUFFIX, ".csv", ".xlsx", ".report")) {
            if (lower.endsWith(extension)) {
                int at = name.length() - extension.length();
                return name.substring(0, at) + suffix + name.substring(at);
            }
        }
        return name + suffix;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
