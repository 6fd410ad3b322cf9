package io.catalogbatch.catalog.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.cli.CatalogBatchCli;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.runs.RunSummary;
import io.catalogbatch.runs.RunSummary.FileSummary;
import io.catalogbatch.shared.csv.HostileCsv;
import io.catalogbatch.shared.csv.HostileCsv.Dialect;
import io.catalogbatch.shared.csv.HostileCsv.ExpectedRow;
import io.catalogbatch.shared.csv.HostileCsv.Table;
import io.catalogbatch.shared.csv.HostileCsv.Written;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.file.PathUtils;

/**
 * Hostile files through the whole import (issue #7), generated and shrunk by jqwik (a failure prints its
 * seed; {@code @Property(seed = "...")} replays it). Models and tags files of random columns and values,
 * valid and not, in random dialects; sometimes broken further. Each run into a new catalog must account
 * for every data line: imported (the model is in the catalog, an added tag is on it, a removed one is not)
 * or in the errors file with its line and a reason, never both, never neither; a refused file stores
 * nothing. And whatever was imported, its raw export imports into another new catalog as the same bytes.
 */
class HostileImportIT {

    static final Set<String> ROW_REASONS = Set.of("missing-field", "bad-date", "bad-value", "bad-tag", "bad-url",
            "too-long", "control-character", "duplicate", "unknown-model", "too-many-tags", "extra-field",
            "repeated-header", "conflict", "bad-successor");
    static final Set<String> FILE_REASONS = Set.of("empty-file", "binary-content", "bad-encoding", "unbalanced-quote",
            "malformed-quote", "missing-required-column", "duplicate-column", "too-many-columns", "record-too-large",
            "models-file-refused");
    static final List<String> NAMES = List.of("bert", "BERT ", " llama-2", "org/model", "日本語-モデル", "m\uD83D\uDE00",
            "e\u0301t\u00E9", "#N/A", "=cmd", "'=1", "a,b", "x\"y", "Model", "name", "\u00A0nbsp\u00A0", "tab\there",
            "line\nbreak", "ctl\u0007", "rtl\u202Eoverride", "", "  ", "n".repeat(201));
    static final List<String> TAGS = List.of("nlp", "NLP", "text classification", "dataset:squad", "license:mit",
            "ｆｕｌｌ", "bad tag!", "", "a_b--c", "x|y", "日本", "\u0001", "t".repeat(101));

    private static Path work;
    private static int count;

    @BeforeContainer
    static void createFolder() throws IOException {
        work = Files.createTempDirectory("hostile-import");
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        PathUtils.deleteDirectory(work);
    }

    @Property(tries = 40)
    void every_data_line_is_imported_or_reported_and_a_raw_export_imports_back_the_same(
            @ForAll("modelsTables") Table models, @ForAll("dialects") Dialect modelsDialect,
            @ForAll("tagsTables") Optional<Table> tags, @ForAll("dialects") Dialect tagsDialect,
            @ForAll("breakages") Optional<Long> breakage) throws IOException {
        Path run = Files.createDirectories(work.resolve("run-" + ++count));
        Written modelsFile = HostileCsv.write(models, modelsDialect);
        Files.write(run.resolve("models.csv"), breakage.map(seed -> HostileCsv.mutate(modelsFile.bytes(), seed))
                .orElse(modelsFile.bytes()));
        Optional<Written> tagsFile = tags.map(table -> HostileCsv.write(table, tagsDialect));
        if (tagsFile.isPresent()) {
            Files.write(run.resolve("tags.csv"), tagsFile.get().bytes());
        }
        List<String> args = new ArrayList<>(List.of("import", "--models", run.resolve("models.csv").toString(),
                "--catalog", run.resolve("a").toString(), "--report", run.resolve("report").toString()));
        if (tagsFile.isPresent()) {
            args.addAll(List.of("--tags", run.resolve("tags.csv").toString()));
        }

        Result result = CatalogBatchCli.run(args.toArray(String[]::new));

        String shown = "models file:\n" + modelsFile + (breakage.isPresent() ? "\n(then broken)" : "")
                + tagsFile.map(t -> "\ntags file:\n" + t).orElse("") + "\nout: " + result.out() + "\nerr: " + result.err();
        assertThat(result.exitCode()).as(shown).isIn(0, 1, 3);
        assertThat(result.err()).as(shown).doesNotContain("\tat ", "Exception");
        RunSummary summary = RunSummary.read(run.resolve("report/summary.json"));
        Catalog a = Catalog.export(run.resolve("a"), run.resolve("export-a"));
        FileSummary modelsSummary = summary.files().get(0);
        Statistics.label("models file").collect(modelsSummary.refused() ? modelsSummary.reason() : "imported");
        if (modelsSummary.refused()) {
            assertThat(modelsSummary.reason()).as(shown).isIn(FILE_REASONS);
            assertThat(modelsSummary.message()).as(shown).contains("models.csv");
            assertThat(a.models()).as("a refused file stores nothing: " + shown).isEmpty();
            assertThat(result.exitCode()).isEqualTo(1);
            return;
        }
        Map<Long, String> modelErrors = errors(run.resolve("report/models.errors.csv"), shown);
        assertThat(modelErrors).as(shown).hasSize((int) modelsSummary.rejected());
        assertThat(modelsSummary.read()).as(shown).isEqualTo(modelsSummary.imported() + modelsSummary.rejected());
        assertThat(a.models()).as("one model per accepted row: " + shown).hasSize((int) modelsSummary.imported());
        if (breakage.isEmpty()) {
            List<Long> lines = modelsFile.rows().stream().map(ExpectedRow::line).toList();
            assertThat(modelsSummary.read()).as(shown).isEqualTo(lines.size());
            assertThat(lines).as("every reported line is a data line: " + shown).containsAll(modelErrors.keySet());
            for (ExpectedRow row : modelsFile.rows()) {
                if (!modelErrors.containsKey(row.line())) {
                    String name = row.cells().get(models.header().indexOf(" Name "));
                    assertThat(a.models()).as("line %d is neither imported nor reported: %s", row.line(), shown)
                            .containsKey(ModelName.of(name).key());
                }
            }
        }
        tagsFile.ifPresent(file -> checkTags(run, file, summary, a, shown));
        assertThat(result.exitCode()).as(shown).isEqualTo(
                summary.files().stream().anyMatch(FileSummary::refused) ? 1
                        : summary.files().stream().anyMatch(f -> f.rejected() > 0) ? 3 : 0);

        assertThat(a.danglingSuccessors()).as("models naming a successor that never came: " + shown).isEmpty();
        Result reimport = CatalogBatchCli.run("import", "--models", run.resolve("export-a/models.csv").toString(),
                "--tags", run.resolve("export-a/tags.csv").toString(), "--catalog", run.resolve("b").toString(),
                "--report", run.resolve("report-b").toString());
        assertThat(reimport.exitCode()).as(reimport.out() + reimport.err() + shown).isZero();
        Catalog b = Catalog.export(run.resolve("b"), run.resolve("export-b"));
        assertThat(b.modelsBytes()).as(shown).isEqualTo(a.modelsBytes());
        assertThat(b.tagsBytes()).as(shown).isEqualTo(a.tagsBytes());
        PathUtils.deleteDirectory(run);
    }

    private static void checkTags(Path run, Written file, RunSummary summary, Catalog a, String shown) {
        FileSummary tags = summary.files().get(1);
        if (tags.refused()) {
            assertThat(tags.reason()).as(shown).isIn(FILE_REASONS);
            return;
        }
        Map<Long, String> tagErrors = errors(run.resolve("report/tags.errors.csv"), shown);
        assertThat(tagErrors).as(shown).hasSize((int) tags.rejected());
        assertThat(tags.read()).as(shown).isEqualTo(file.rows().size()).isEqualTo(tags.imported() + tags.rejected());
        for (ExpectedRow row : file.rows()) {
            if (tagErrors.containsKey(row.line())) {
                continue;
            }
            String key = ModelName.of(row.cells().get(0)).key();
            String tag = Tag.of(row.cells().get(1)).value();
            boolean removes = row.cells().size() > 2 && row.cells().get(2).strip().equalsIgnoreCase("remove");
            assertThat(a.models()).as("line %d of the tags file: %s", row.line(), shown).containsKey(key);
            assertThat(a.tags().getOrDefault(key, Set.of()).contains(tag))
                    .as("line %d of the tags file %s tag %s: %s", row.line(), removes ? "removes" : "adds", tag, shown)
                    .isEqualTo(!removes);
        }
    }

    /** The rejected rows of an errors file by line; each with a row reason code and a message. */
    private static Map<Long, String> errors(Path file, String shown) {
        Map<Long, String> errors = new HashMap<>();
        if (!Files.exists(file)) {
            return errors;
        }
        for (List<String> cells : records(file, true)) {
            int n = cells.size();
            long line = Long.parseLong(cells.get(n - 4));
            assertThat(cells.get(n - 3)).as("reason of line %d: %s", line, shown).isIn(ROW_REASONS);
            assertThat(cells.get(n - 1)).as("message of line %d: %s", line, shown).isNotBlank();
            assertThat(errors.put(line, cells.get(n - 3))).as("line %d reported twice: %s", line, shown).isNull();
            Statistics.label("row reasons").collect(cells.get(n - 3));
        }
        return errors;
    }

    private static List<List<String>> records(Path file, boolean bom) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (bom) {
                assertThat(reader.read()).isEqualTo(0xFEFF);
            }
            return CSVFormat.RFC4180.parse(reader).getRecords().stream().skip(1).map(CSVRecord::toList).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A catalog as its raw export shows it: models by key, tags by model key, and the bytes. */
    record Catalog(Map<String, List<String>> models, Map<String, Set<String>> tags, byte[] modelsBytes,
                   byte[] tagsBytes) {

        /** Keys of models whose successor names no model of the catalog. */
        Set<String> danglingSuccessors() {
            Set<String> dangling = new HashSet<>();
            models.forEach((key, model) -> {
                String successor = model.get(8);
                if (!successor.isEmpty() && !models.containsKey(ModelName.keyOf(successor))) {
                    dangling.add(key);
                }
            });
            return dangling;
        }

        static Catalog export(Path catalog, Path out) throws IOException {
            Map<String, List<String>> models = new HashMap<>();
            Map<String, Set<String>> tags = new HashMap<>();
            if (!Files.isDirectory(catalog)) {
                return new Catalog(models, tags, new byte[0], new byte[0]);
            }
            Result export = CatalogBatchCli.run("export", "--out", out.toString(), "--catalog", catalog.toString(),
                    "--flavour", "raw");
            assertThat(export.exitCode()).as(export.err()).isZero();
            for (List<String> model : records(out.resolve("models.csv"), false)) {
                models.put(ModelName.keyOf(model.get(0)), model);
            }
            for (List<String> tag : records(out.resolve("tags.csv"), false)) {
                tags.computeIfAbsent(ModelName.keyOf(tag.get(0)), k -> new HashSet<>()).add(tag.get(1));
            }
            return new Catalog(models, tags, Files.readAllBytes(out.resolve("models.csv")),
                    Files.readAllBytes(out.resolve("tags.csv")));
        }
    }

    // ================================================================ generators

    @Provide
    Arbitrary<Dialect> dialects() {
        return HostileCsv.dialects();
    }

    @Provide
    Arbitrary<Optional<Long>> breakages() {
        return Arbitraries.longs().optional(0.25);
    }

    /** A models file: a " Name " column and 1 to 6 others (an unknown one too), rows of good and bad values. */
    @Provide
    Arbitrary<Table> modelsTables() {
        List<String> optional = List.of("description", "Task", "framework", "license", "url", "created", "STATUS",
                "successor", "revision", "tags", "notes");
        return Arbitraries.of(optional).list().uniqueElements().ofMinSize(1).ofMaxSize(6).flatMap(columns -> {
            List<String> header = new ArrayList<>(columns);
            header.add(0, " Name ");
            List<Arbitrary<String>> cells = header.stream().map(HostileImportIT::modelCell).toList();
            Arbitrary<List<String>> row = Combinators.combine(cells).as(ArrayList::new);
            Arbitrary<List<String>> rowWithExtras = Combinators.combine(row, HostileCsv.cells().list().ofMaxSize(2))
                    .as((values, extra) -> {
                        List<String> all = new ArrayList<>(values);
                        all.addAll(extra);
                        return all;
                    });
            return Arbitraries.frequencyOf(Tuple.of(8, row), Tuple.of(1, rowWithExtras)).list().ofMaxSize(12)
                    .map(rows -> new Table(header, rows));
        });
    }

    @Provide
    Arbitrary<Optional<Table>> tagsTables() {
        Arbitrary<List<String>> row = Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(TAGS),
                Arbitraries.of("", "add", " REMOVE ", "remove", "delete")).as(List::of);
        return row.list().ofMaxSize(10).map(rows -> new Table(List.of("model", "tag", "action"), rows)).optional(0.5);
    }

    private static Arbitrary<String> modelCell(String column) {
        return switch (column.strip().toLowerCase()) {
            case "name", "successor" -> Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(NAMES)),
                    Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars("-_/. ").ofMinLength(1).ofMaxLength(12)),
                    Tuple.of(1, HostileCsv.cells()));
            case "created" -> Arbitraries.of("", "2024-01-15", " 2023-12-31 ", "2024-02-30", "15/01/2024", "45306",
                    "2024-09-20T12:00:00Z", "2025-01-12 07:40:10+00:00", "2024-09-20T12:00");
            case "status" -> Arbitraries.of("", "active", "Deprecated", "ARCHIVED", "retired", " archived ");
            case "url" -> Arbitraries.of("", "https://example.org/m", "HTTP://例え.jp/x", "ftp://x", "http://", "no url",
                    "https://a b");
            case "revision" -> Arbitraries.of("", "", "1", "7", "x", "-1");
            case "tags" -> Arbitraries.of(TAGS).list().ofMaxSize(4).map(list -> String.join(";", list));
            case "task", "framework", "license" -> Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.of("", "PyTorch", "text-classification", "Apache-2.0", "  mit  ")),
                    Tuple.of(1, HostileCsv.cells()));
            default -> HostileCsv.cells();
        };
    }
}
