package io.catalogbatch.cli;

import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.entrypoints.launch.CatalogPresence;
import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.SearchHit;
import io.catalogbatch.catalog.service.search.SortField;
import io.catalogbatch.runs.BatchContext;
import io.catalogbatch.shared.csv.CsvFlavour;
import io.catalogbatch.shared.csv.CsvTableWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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

    @Mixin
    SearchFilterOptions filters;

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
        return filters.query()
                .sort(sortField(sortParts[0]), descending(sortParts))
                .page(limit == null ? ModelQuery.NO_LIMIT : limit, offset)
                .build();
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
}
