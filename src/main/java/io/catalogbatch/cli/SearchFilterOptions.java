package io.catalogbatch.cli;

import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.shared.domain.DomainException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The search filters of SPEC §1 ({@code --all --any --none --prefix --task --framework --license --status --text}),
 * shared by {@code search} and {@code export} so both parse, check and word them alike. Invalid values are a
 * {@link UsageProblem}.
 */
final class SearchFilterOptions {

    @Option(names = "--all", paramLabel = "TAG[,TAG...]", description = "Models that have every one of these tags.")
    List<String> all = new ArrayList<>();

    @Option(names = "--any", paramLabel = "TAG[,TAG...]",
            description = "Models that have at least one of these tags.")
    List<String> any = new ArrayList<>();

    @Option(names = "--none", paramLabel = "TAG[,TAG...]",
            description = "Models that have none of these tags (untagged models too).")
    List<String> none = new ArrayList<>();

    @Option(names = "--prefix", paramLabel = "P", description = "Models with a tag starting with P, e.g. dataset:")
    String prefix = "";

    @Option(names = "--task", paramLabel = "X", description = "The task, whole value, any case.")
    String task = "";

    @Option(names = "--framework", paramLabel = "X", description = "The framework, whole value, any case.")
    String framework = "";

    @Option(names = "--license", paramLabel = "X", description = "The licence, whole value, any case.")
    String license = "";

    @Option(names = "--status", paramLabel = "S[,S...]",
            description = "active, deprecated, archived (any case). Default: active,deprecated (an export without"
                    + " any filter: all three)")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--text", paramLabel = "S", description = "Text in the name or the description, any case.")
    String text = "";

    /** Whether any filter was given (an empty value given is one, and {@link #query()} refuses it). */
    boolean given() {
        return !all.isEmpty() || !any.isEmpty() || !none.isEmpty() || !prefix.isEmpty() || !task.isEmpty()
                || !framework.isEmpty() || !license.isEmpty() || !statuses.isEmpty() || !text.isEmpty();
    }

    /** A query builder with the filters set, checked; the caller adds sort and page. */
    ModelQuery.Builder query() {
        return ModelQuery.builder()
                .all(tags("--all", all))
                .any(tags("--any", any))
                .none(tags("--none", none))
                .prefix(prefix())
                .task(nfc(task))
                .framework(nfc(framework))
                .license(nfc(license))
                .statuses(statuses())
                .text(text);
    }

    /** The filters as the user gave them, e.g. {@code --status deprecated --framework pytorch}. */
    String described() {
        List<String> words = new ArrayList<>();
        all.forEach(value -> words.add("--all " + quoted(value)));
        any.forEach(value -> words.add("--any " + quoted(value)));
        none.forEach(value -> words.add("--none " + quoted(value)));
        add(words, "--prefix", prefix);
        add(words, "--task", task);
        add(words, "--framework", framework);
        add(words, "--license", license);
        statuses.forEach(value -> words.add("--status " + quoted(value)));
        add(words, "--text", text);
        return String.join(" ", words);
    }

    private static void add(List<String> words, String option, String value) {
        if (!value.isEmpty()) {
            words.add(option + " " + quoted(value));
        }
    }

    private static String quoted(String value) {
        return value.isEmpty() || value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'')
                ? "\"" + value.replace("\"", "\\\"") + "\"" : value;
    }

    /** Stored labels are NFC (SPEC §1): a value typed in another normal form still names them. */
    private static String nfc(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    /**
     * The elements of a list option, each value given split at commas. Empty elements ({@code a,,b}) are ignored,
     * as in an inline tags cell, but a value with none ({@code --all ''}, an empty variable in a script) is a
     * usage error rather than no filter at all.
     */
    private static List<String> elements(String option, List<String> given) {
        List<String> elements = new ArrayList<>();
        for (String value : given) {
            List<String> parts = Arrays.stream(value.split(",", -1)).filter(part -> !part.isBlank()).toList();
            if (parts.isEmpty()) {
                throw new UsageProblem(option + " '" + value + "' names nothing: give at least one value, or leave "
                        + option + " out");
            }
            elements.addAll(parts);
        }
        return elements;
    }

    /** Canonical tags (like stored ones). */
    private static Set<Tag> tags(String option, List<String> raw) {
        Set<Tag> tags = new LinkedHashSet<>();
        for (String value : elements(option, raw)) {
            try {
                tags.add(Tag.of(value));
            } catch (DomainException | IllegalArgumentException e) {
                throw new UsageProblem(option + " " + value + ": " + e.getMessage());
            }
        }
        return tags;
    }

    /** A prefix is canonicalised like a tag and must be a valid beginning of one. */
    private String prefix() {
        if (prefix.isEmpty()) {
            return "";
        }
        try {
            return Tag.of(prefix).value();
        } catch (DomainException | IllegalArgumentException e) {
            throw new UsageProblem("--prefix " + prefix + ": " + e.getMessage());
        }
    }

    private Set<Status> statuses() {
        Set<Status> chosen = EnumSet.noneOf(Status.class);
        for (String value : elements("--status", statuses)) {
            try {
                chosen.add(Status.of(value));
            } catch (DomainException e) {
                throw new UsageProblem("--status " + value.strip() + " is not one of active, deprecated, archived");
            }
        }
        return chosen;
    }
}
