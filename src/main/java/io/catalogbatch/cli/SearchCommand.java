package io.catalogbatch.cli;

import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.entrypoints.launch.CatalogPresence;
import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import io.catalogbatch.catalog.service.search.SortField;
import io.catalogbatch.runs.BatchContext;
import io.catalogbatch.shared.csv.CsvFlavour;
import io.catalogbatch.shared.csv.CsvTableWriter;
import io.catalogbatch.shared.domain.DomainException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.io.output.WriterOutputStream;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog-batch search}: the models that match every filter given, as CSV (SPEC §1). */
@Command(name = "search", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Finds the models that match every filter given (filters combine with AND).",
                "Writes rank,name,task,framework,license,status,matched_tags,tags,created as CSV: "
                        + "plain RFC 4180 UTF-8 on standard output, or a spreadsheet-safe file with --out."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (also when nothing matches)", "1:failed (no catalog at LOC, ...)", "2:usage error"})
final class SearchCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of(
            "rank", "name", "task", "framework", "license", "status", "matched_tags", "tags", "created");

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions options;

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
            description = "active, deprecated, archived (any case). Default: active,deprecated")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--text", paramLabel = "S", description = "Text in the name or the description, any case.")
    String text = "";

    @Option(names = "--sort", paramLabel = "FIELD[:asc|desc]", defaultValue = "name",
            description = {"name (default), created or revision; asc (default) or desc.",
                    "Models without the value come last either way; ties go by name."})
    String sort;

    @Option(names = "--limit", paramLabel = "N", description = "At most N models (after --offset).")
    Integer limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Skip the first N models.")
    int offset;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write a spreadsheet-safe CSV file (UTF-8 with BOM, every cell quoted, formulas "
                    + "neutralised) instead of standard output. The file appears whole or not at all.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ModelQuery query;
        try {
            query = query();
        } catch (UsageProblem e) {
            err.println("catalog-batch search: " + e.getMessage());
            return ExitCode.USAGE;
        }
        try {
            if (CatalogPresence.absent(options.location())) {
                err.println(MissingCatalog.message("search", options.catalog));
                return ExitCode.FAILED;
            }
        } catch (Exception e) {
            FailureReport.report(err, "search failed", e, options.verbose);
            return ExitCode.FAILED;
        }
        try (ConfigurableApplicationContext context = BatchContext.startReadOnly(options.location(), options.verbose)) {
            List<SearchHit> hits = context.getBean(CatalogStore.class).queries().search(query);
            if (out == null) {
                writeToStandardOutput(hits);
            } else {
                CsvTableWriter.writeAtomically(out, CsvFlavour.SPREADSHEET, COLUMNS, table -> writeRows(table, hits));
                spec.commandLine().getOut().printf("Found %d model%s; wrote %s.%n", hits.size(),
                        hits.size() == 1 ? "" : "s", out);
            }
            return ExitCode.DONE;
        } catch (Exception e) {
            FailureReport.report(err, "search failed", e, options.verbose);
            return ExitCode.FAILED;
        }
    }

    /** Raw RFC 4180 (UTF-8 text, no BOM) on the command line's standard output, which the caller owns. */
    private void writeToStandardOutput(List<SearchHit> hits) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        OutputStream bytes = WriterOutputStream.builder().setWriter(stdout).setCharset(StandardCharsets.UTF_8).get();
        try (CsvTableWriter table = CsvTableWriter.on(bytes, CsvFlavour.RAW, COLUMNS)) {
            writeRows(table, hits);
        }
        bytes.flush();
        stdout.flush();
    }

    private static void writeRows(CsvTableWriter table, List<SearchHit> hits) throws IOException {
        for (SearchHit hit : hits) {
            table.row(Long.toString(hit.rank()), hit.name(), hit.task(), hit.framework(), hit.license(),
                    hit.status().code(), joined(hit.matchedTags()), joined(hit.tags()), hit.created());
        }
    }

    private static String joined(List<Tag> tags) {
        return tags.stream().map(Tag::value).sorted().collect(Collectors.joining(";"));
    }

    private ModelQuery query() {
        if (limit != null && limit < 0) {
            throw new UsageProblem("--limit must be 0 or more, not " + limit);
        }
        if (offset < 0) {
            throw new UsageProblem("--offset must be 0 or more, not " + offset);
        }
        String[] sortParts = sortParts();
        return ModelQuery.builder()
                .all(tags("--all", all))
                .any(tags("--any", any))
                .none(tags("--none", none))
                .prefix(prefix())
                .task(nfc(task))
                .framework(nfc(framework))
                .license(nfc(license))
                .statuses(statuses())
                .text(text)
                .sort(sortField(sortParts[0]), descending(sortParts))
                .page(limit == null ? ModelQuery.NO_LIMIT : limit, offset)
                .build();
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

    private String[] sortParts() {
        int colon = sort.lastIndexOf(':');
        return colon < 0 ? new String[] {sort} : new String[] {sort.substring(0, colon), sort.substring(colon + 1)};
    }

    private SortField sortField(String field) {
        try {
            return SortField.of(field);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(sortHelp());
        }
    }

    private boolean descending(String[] parts) {
        if (parts.length == 1) {
            return false;
        }
        return switch (parts[1].strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new UsageProblem(sortHelp());
        };
    }

    private String sortHelp() {
        return "--sort " + sort + ": sort by name, created or revision, optionally followed by :asc or :desc "
                + "(e.g. --sort created:desc)";
    }

    /** A command line that cannot be run as written; its message is for the user. */
    private static final class UsageProblem extends RuntimeException {
        UsageProblem(String message) {
            super(message);
        }
    }
}
