package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli.Result;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog-batch search} (SPEC §1, §6) on a small catalog imported by the test, kept both as a CSV
 * folder and in an H2 database: every query runs on both stores and must give the same bytes.
 */
class SearchCommandIT {

    static final String HEADER = "rank,name,task,framework,license,status,matched_tags,tags,created\r\n";

    /**
     * Six models; revisions are 1 + the number of tags (SPEC §8). Keys in code-unit order: alpha, beta, delta,
     * epsilon, gamma, éclair (a locale collation would put éclair after delta).
     */
    static final String MODELS = """
            name,description,task,framework,license,url,created,status,successor,tags
            Alpha,Fast text classifier,text-classification,PyTorch,MIT,,2024-03-01,active,,pytorch;nlp;Dataset:SQuAD
            beta,"Image model, compare with ALPHA",image-classification,tensorflow,apache-2.0,,2023-01-15,,,TensorFlow|vision|dataset:imagenet
            Gamma,,Text-Classification,pytorch,mit,,,Deprecated,Alpha,PyTorch;NLP
            delta,Archived clone of GAMMA,text-classification,jax,,,2022-06-30,archived,,jax;nlp;dataset:squad
            epsilon,,,,,,2024-03-01T10:00:00Z,active,,
            Éclair,Pastry detector,object-detection,crème,mit,,,ACTIVE,,Object Detection
            """;

    @TempDir
    static Path work;
    static String folder;
    static String database;

    @BeforeAll
    static void importTheCatalogIntoBothStores() throws IOException {
        Path models = work.resolve("in/models.csv");
        Files.createDirectories(models.getParent());
        Files.writeString(models, MODELS);
        folder = work.resolve("catalog").toString();
        database = "jdbc:h2:file:" + work.resolve("db").toAbsolutePath() + "/db";
        for (String catalog : List.of(folder, database)) {
            Result run = CatalogBatchCli.run("import", "--models", models.toString(), "--catalog", catalog,
                    "--report", work.resolve("report-" + (catalog.equals(folder) ? "csv" : "h2")).toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        }
    }

    /** Runs the search on both stores, asserts they answer the same, and returns the CSV folder's answer. */
    static Result search(String... args) {
        Result onFolder = run(folder, args);
        Result onDatabase = run(database, args);
        assertThat(onDatabase.out()).as("H2 gives the same answer as the CSV folder").isEqualTo(onFolder.out());
        assertThat(onDatabase.exitCode()).isEqualTo(onFolder.exitCode());
        assertThat(onFolder.exitCode()).as(onFolder.err()).isZero();
        assertThat(onFolder.err()).isEmpty();
        return onFolder;
    }

    static Result run(String catalog, String... args) {
        List<String> line = new ArrayList<>(List.of("search", "--catalog", catalog));
        line.addAll(List.of(args));
        return CatalogBatchCli.run(line.toArray(String[]::new));
    }

    static List<CSVRecord> rows(Result result) throws IOException {
        assertThat(result.out()).startsWith(HEADER);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(result.out())).getRecords();
    }

    static List<String> names(String... args) throws IOException {
        return rows(search(args)).stream().map(row -> row.get("name")).toList();
    }

    // ------------------------------------------------------------------ the whole answer

    @Test
    void by_default_every_active_and_deprecated_model_by_name_key_in_code_unit_order_as_raw_csv() {
        Result result = search();

        assertThat(result.out()).isEqualTo(HEADER
                + "1,Alpha,text-classification,PyTorch,MIT,active,,dataset:squad;nlp;pytorch,2024-03-01\r\n"
                + "2,beta,image-classification,tensorflow,apache-2.0,active,,dataset:imagenet;tensorflow;vision,2023-01-15\r\n"
                + "3,epsilon,,,,active,,,2024-03-01\r\n"
                + "4,Gamma,Text-Classification,pytorch,mit,deprecated,,nlp;pytorch,\r\n"
                + "5,Éclair,object-detection,crème,mit,active,,object-detection,\r\n");
    }

    @Test
    void nothing_matching_is_a_header_and_exit_code_zero() {
        assertThat(search("--task", "translation").out()).isEqualTo(HEADER);
        assertThat(search("--limit", "0").out()).isEqualTo(HEADER);
        assertThat(search("--offset", "99").out()).isEqualTo(HEADER);
    }

    // ------------------------------------------------------------------ tags

    @Test
    void all_needs_every_tag_and_query_tags_are_canonicalised() throws IOException {
        assertThat(names("--all", "nlp,pytorch")).containsExactly("Alpha", "Gamma");
        assertThat(names("--all", "PyTorch")).containsExactly("Alpha", "Gamma");
        assertThat(names("--all", "nlp", "--all", "Dataset:SQuAD")).containsExactly("Alpha");
        assertThat(names("--all", "object_detection")).containsExactly("Éclair");
        assertThat(names("--all", "nlp,vision")).isEmpty();
        assertThat(names("--all", "nlp,,pytorch,")).as("empty elements are ignored").containsExactly("Alpha", "Gamma");
    }

    @Test
    void any_needs_one_of_the_tags() throws IOException {
        assertThat(names("--any", "vision,jax")).containsExactly("beta");
        assertThat(names("--any", "vision,JAX", "--status", "active,deprecated,archived"))
                .containsExactly("beta", "delta");
        assertThat(names("--any", "unknown-tag")).isEmpty();
    }

    @Test
    void none_excludes_models_with_any_of_the_tags_and_keeps_untagged_ones() throws IOException {
        assertThat(names("--none", "nlp")).containsExactly("beta", "epsilon", "Éclair");
        assertThat(names("--none", "NLP,vision,object detection")).containsExactly("epsilon");
    }

    @Test
    void prefix_matches_the_beginning_of_some_tag_and_reports_the_matched_tags() throws IOException {
        List<CSVRecord> rows = rows(search("--prefix", "Dataset:"));

        assertThat(rows).extracting(row -> row.get("name")).containsExactly("Alpha", "beta");
        assertThat(rows).extracting(row -> row.get("matched_tags")).containsExactly("dataset:squad", "dataset:imagenet");
        assertThat(names("--prefix", "py")).containsExactly("Alpha", "Gamma");
        assertThat(names("--prefix", "dataset:im")).containsExactly("beta");
    }

    @Test
    void matched_tags_are_those_that_satisfied_all_any_or_prefix_sorted() {
        Result result = search("--all", "nlp", "--any", "pytorch,jax,vision", "--prefix", "dataset",
                "--status", "active,archived");

        assertThat(result.out()).isEqualTo(HEADER
                + "1,Alpha,text-classification,PyTorch,MIT,active,dataset:squad;nlp;pytorch,dataset:squad;nlp;pytorch,2024-03-01\r\n"
                + "2,delta,text-classification,jax,,archived,dataset:squad;jax;nlp,dataset:squad;jax;nlp,2022-06-30\r\n");
        assertThat(search("--none", "nlp", "--text", "pastry").out()).as("none matches no tag")
                .isEqualTo(HEADER + "1,Éclair,object-detection,crème,mit,active,,object-detection,\r\n");
    }

    // ------------------------------------------------------------------ fields and status

    @Test
    void task_framework_and_license_match_the_whole_value_in_any_case() throws IOException {
        assertThat(names("--task", "TEXT-classification")).containsExactly("Alpha", "Gamma");
        assertThat(names("--task", "text")).isEmpty();
        assertThat(names("--framework", "PYTORCH")).containsExactly("Alpha", "Gamma");
        assertThat(names("--framework", "torch")).isEmpty();
        assertThat(names("--license", "mit")).containsExactly("Alpha", "Gamma", "Éclair");
        assertThat(names("--license", " Apache-2.0 ")).containsExactly("beta");
        assertThat(names("--framework", "CRE\u0300ME")).as("decomposed and upper case").containsExactly("Éclair");
    }

    @Test
    void archived_models_appear_only_when_asked_for() throws IOException {
        assertThat(names("--task", "text-classification")).containsExactly("Alpha", "Gamma");
        assertThat(names("--status", "archived")).containsExactly("delta");
        assertThat(names("--status", "ARCHIVED,Deprecated")).containsExactly("delta", "Gamma");
        assertThat(names("--status", "active", "--status", "archived"))
                .containsExactly("Alpha", "beta", "delta", "epsilon", "Éclair");
        assertThat(rows(search("--status", "deprecated")).get(0).get("status")).isEqualTo("deprecated");
    }

    @Test
    void text_is_a_case_insensitive_substring_of_the_name_or_the_description() throws IOException {
        assertThat(names("--text", "ALPHA")).containsExactly("Alpha", "beta");
        assertThat(names("--text", "gamma")).containsExactly("Gamma");
        assertThat(names("--text", "gamma", "--status", "active,deprecated,archived")).containsExactly("delta", "Gamma");
        assertThat(names("--text", "model, compare")).containsExactly("beta");
        assertThat(names("--text", "ÉCLAIR")).containsExactly("Éclair");
        assertThat(names("--text", "zzz")).isEmpty();
    }

    @Test
    void filters_combine_with_and() throws IOException {
        assertThat(names("--all", "nlp", "--framework", "pytorch", "--text", "fast")).containsExactly("Alpha");
        assertThat(names("--any", "nlp,vision", "--none", "pytorch", "--status", "active,deprecated,archived"))
                .containsExactly("beta", "delta");
        assertThat(names("--license", "mit", "--none", "pytorch")).containsExactly("Éclair");
        assertThat(names("--license", "mit", "--task", "object-detection", "--prefix", "dataset:")).isEmpty();
    }

    // ------------------------------------------------------------------ order and pages

    @Test
    void sort_by_name_either_way() throws IOException {
        assertThat(names("--sort", "name")).containsExactly("Alpha", "beta", "epsilon", "Gamma", "Éclair");
        assertThat(names("--sort", "name:desc")).containsExactly("Éclair", "Gamma", "epsilon", "beta", "Alpha");
        assertThat(names("--sort", "NAME:ASC")).containsExactly("Alpha", "beta", "epsilon", "Gamma", "Éclair");
    }

    @Test
    void sort_by_created_puts_models_without_a_date_last_either_way_and_ties_by_name_key() throws IOException {
        assertThat(names("--sort", "created")).containsExactly("beta", "Alpha", "epsilon", "Gamma", "Éclair");
        assertThat(names("--sort", "created:asc")).containsExactly("beta", "Alpha", "epsilon", "Gamma", "Éclair");
        assertThat(names("--sort", "Created:Desc")).containsExactly("Alpha", "epsilon", "beta", "Gamma", "Éclair");
        assertThat(names("--sort", "created:desc", "--status", "archived,active"))
                .containsExactly("Alpha", "epsilon", "beta", "delta", "Éclair");
    }

    @Test
    void sort_by_revision_either_way_with_ties_by_name_key() throws IOException {
        // revisions: Alpha 4, beta 4, Gamma 3, Éclair 2, epsilon 1 (delta 4, archived)
        assertThat(names("--sort", "revision")).containsExactly("epsilon", "Éclair", "Gamma", "Alpha", "beta");
        assertThat(names("--sort", "revision:desc")).containsExactly("Alpha", "beta", "Gamma", "Éclair", "epsilon");
        assertThat(names("--sort", "revision:desc", "--status", "active,deprecated,archived"))
                .containsExactly("Alpha", "beta", "delta", "Gamma", "Éclair", "epsilon");
    }

    @Test
    void limit_and_offset_page_the_sorted_result_and_rank_is_the_position_in_the_whole_result() {
        assertThat(search("--sort", "created", "--offset", "1", "--limit", "2").out()).isEqualTo(HEADER
                + "2,Alpha,text-classification,PyTorch,MIT,active,,dataset:squad;nlp;pytorch,2024-03-01\r\n"
                + "3,epsilon,,,,active,,,2024-03-01\r\n");
        assertThat(search("--sort", "name:desc", "--offset", "4").out()).isEqualTo(HEADER
                + "5,Alpha,text-classification,PyTorch,MIT,active,,dataset:squad;nlp;pytorch,2024-03-01\r\n");
        assertThat(search("--limit", "1").out()).isEqualTo(HEADER
                + "1,Alpha,text-classification,PyTorch,MIT,active,,dataset:squad;nlp;pytorch,2024-03-01\r\n");
        assertThat(search("--prefix", "dataset:", "--offset", "1", "--limit", "5").out()).isEqualTo(HEADER
                + "2,beta,image-classification,tensorflow,apache-2.0,active,dataset:imagenet,"
                + "dataset:imagenet;tensorflow;vision,2023-01-15\r\n");
    }

    // ------------------------------------------------------------------ --out

    @Test
    void out_writes_a_spreadsheet_file_atomically_with_bom_crlf_every_cell_quoted_and_formulas_neutralised()
            throws IOException {
        Path models = work.resolve("formula/models.csv");
        Files.createDirectories(models.getParent());
        Files.writeString(models, "name,task,framework,license,created,tags\n"
                + "=cmd,+x,@sum,a=b,2024-01-02,x;y\n"
                + "plain,\" spaced\",-1,,,\n");
        String catalog = work.resolve("formula/catalog").toString();
        assertThat(CatalogBatchCli.run("import", "--models", models.toString(), "--catalog", catalog,
                "--report", work.resolve("formula/report").toString()).exitCode()).isZero();
        Path out = work.resolve("formula/results/found.csv");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "an older, longer file that must be replaced as a whole ".repeat(20));

        Result result = run(catalog, "--out", out.toString(), "--all", "X");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Found 1 model; wrote " + out + ".\n".replace("\n", System.lineSeparator()));
        byte[] expected = ("\uFEFF"
                + "\"rank\",\"name\",\"task\",\"framework\",\"license\",\"status\",\"matched_tags\",\"tags\",\"created\"\r\n"
                + "\"1\",\"'=cmd\",\"'+x\",\"'@sum\",\"a=b\",\"active\",\"x\",\"x;y\",\"2024-01-02\"\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Files.readAllBytes(out)).isEqualTo(expected);
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("found.csv");
        }

        Result everything = run(catalog, "--out", out.toString());
        assertThat(everything.exitCode()).as(everything.err()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("\uFEFF"
                + "\"rank\",\"name\",\"task\",\"framework\",\"license\",\"status\",\"matched_tags\",\"tags\",\"created\"\r\n"
                + "\"1\",\"'=cmd\",\"'+x\",\"'@sum\",\"a=b\",\"active\",\"\",\"x;y\",\"2024-01-02\"\r\n"
                + "\"2\",\"plain\",\"spaced\",\"'-1\",\"\",\"active\",\"\",\"\",\"\"\r\n");

        Result raw = run(catalog, "--all", "x");
        assertThat(raw.out()).as("standard output is raw: nothing altered")
                .isEqualTo(HEADER + "1,=cmd,+x,@sum,a=b,active,x,x;y,2024-01-02\r\n");
    }

    // ------------------------------------------------------------------ failures and usage errors

    @Test
    void a_missing_catalog_folder_is_a_failure_that_says_so_and_creates_nothing() {
        Path missing = work.resolve("no-such-catalog");

        Result result = run(missing.toString(), "--all", "nlp");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("there is no catalog at " + missing).contains("--catalog");
        assertThat(missing).doesNotExist();
    }

    @Test
    void bad_tags_statuses_sorts_and_pages_are_usage_errors_in_the_users_words() {
        assertUsageError(new String[] {"--all", "nlp,a!b"}, "--all a!b", "'!'");
        assertUsageError(new String[] {"--any", "x".repeat(101)}, "--any", "at most 100");
        assertUsageError(new String[] {"--none", "c#"}, "--none c#", "'#'");
        assertUsageError(new String[] {"--prefix", "data set?"}, "--prefix data set?", "'?'");
        assertUsageError(new String[] {"--status", "active,retired"}, "--status retired",
                "active, deprecated, archived");
        assertUsageError(new String[] {"--sort", "popularity"}, "--sort popularity", "name, created or revision");
        assertUsageError(new String[] {"--sort", "created:up"}, "--sort created:up", ":asc or :desc");
        assertUsageError(new String[] {"--limit", "-1"}, "--limit", "0 or more");
        assertUsageError(new String[] {"--offset", "-2"}, "--offset", "0 or more");
        assertUsageError(new String[] {"--limit", "ten"}, "--limit", "ten");
        assertUsageError(new String[] {"--colour", "red"}, "--colour");
    }

    @Test
    void a_list_filter_given_nothing_is_a_usage_error_not_no_filter() {
        for (String option : List.of("--all", "--any", "--none", "--status")) {
            assertUsageError(new String[] {option, ""}, option + " ''", "at least one");
            assertUsageError(new String[] {option, " , "}, option + " ' , '", "at least one");
            assertUsageError(new String[] {option, option.equals("--status") ? "active" : "nlp", option, ""},
                    option + " ''");
        }
        Result emptyElements = run(folder, "--all", "nlp,,pytorch,");
        assertThat(emptyElements.exitCode()).as(emptyElements.err()).isZero();
        assertThat(emptyElements.out()).contains(",Alpha,").contains(",Gamma,").doesNotContain(",beta,");
    }

    @Test
    void a_usage_error_wins_over_a_missing_catalog() {
        Path missing = work.resolve("also-missing");

        Result result = run(missing.toString(), "--status", "gone");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(missing).doesNotExist();
    }

    private static void assertUsageError(String[] args, String... messageParts) {
        Result result = run(folder, args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains(messageParts).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
