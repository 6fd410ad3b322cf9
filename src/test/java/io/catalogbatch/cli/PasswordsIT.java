package io.catalogbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.entrypoints.batch.ImportCatalogJobConfiguration;
import io.catalogbatch.catalog.service.CatalogStore;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.runs.BatchContext;
import io.catalogbatch.runs.FileFingerprint;
import io.catalogbatch.runs.JobRuns;
import io.catalogbatch.shared.jdbc.PostgresDatabases;
import io.catalogbatch.shared.store.StoreLocation;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A password given in a catalog's URL is in none of what a run leaves behind: the console (what the commands print
 * and, with --verbose, the framework's log), the report folders, the catalog folders, and the job repository's and
 * the catalog's tables. A run recorded with the password in its parameters (before it was masked) still resumes.
 */
class PasswordsIT {

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    @TempDir
    Path work;

    /** Unique, so that finding it anywhere means it leaked. */
    final String secret = "pw-" + UUID.randomUUID().toString().replace("-", "");

    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream stdout;
    PrintStream stderr;
    final List<Result> results = new ArrayList<>();
    Path models;
    Path tags;

    @BeforeEach
    void captureTheConsoleAndWriteInputs() throws Exception {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(new Tee(stdout, console), true));
        System.setErr(new PrintStream(new Tee(stderr, console), true));
        models = Files.writeString(work.resolve("models.csv"), modelsFile(60));
        tags = Files.writeString(work.resolve("tags.csv"), "model,tag\norg/model-01,nlp\norg/model-02,vision\n");
    }

    @AfterEach
    void restoreTheConsole() {
        System.setOut(stdout);
        System.setErr(stderr);
        System.clearProperty("catalog-batch.fault.fail-after-line");
        System.clearProperty("catalog-batch.chunk-size");
    }

    @Test
    void no_command_leaves_a_password_given_in_a_postgresql_url_anywhere() throws Exception {
        String bare = postgres.create();
        String catalog = bare + "&password=" + secret;

        // A process of its own: the console shows the framework's log with --verbose (in this JVM, the first
        // Spring context decided the console's logging for all).
        Result verbose = process(0, "import", "--catalog", catalog, "--models", models.toString(), "--tags",
                tags.toString(), "--report", work.resolve("imported").toString(), "--verbose");
        assertThat(verbose.out() + verbose.err()).as("the framework's log names the catalog, masked")
                .contains("password=***");
        System.setProperty("catalog-batch.chunk-size", "10");
        System.setProperty("catalog-batch.fault.fail-after-line", "35");
        Path other = Files.writeString(work.resolve("other.csv"), modelsFile(50).replace("model ", "changed "));
        Result failed = expect(1, "import", "--catalog", catalog, "--models", other.toString(),
                "--report", work.resolve("failed").toString());
        assertThat(failed.err()).contains("run the same command again");
        System.clearProperty("catalog-batch.fault.fail-after-line");
        expect(0, "import", "--catalog", bare + "&password=another-" + secret.substring(3, 6), "--models",
                other.toString(), "--report", work.resolve("failed").toString());
        assertThat(Files.readString(work.resolve("failed/run.log")))
                .as("the same catalog with another password is the same run: it resumed")
                .contains("Step already complete or not restartable, so no action to execute");
        expect(0, "import", "--catalog", catalog, "--models", models.toString(), "--dry-run",
                "--report", work.resolve("dry").toString());
        Result export = expect(0, "export", "--catalog", catalog, "--out", work.resolve("export").toString(),
                "--verbose");
        assertThat(export.out()).contains("password=***");
        expect(0, "search", "--catalog", catalog, "--all", "nlp", "--out", work.resolve("found.csv").toString());
        Result history = expect(0, "history", "--catalog", catalog, "--verbose");
        assertThat(history.out()).contains("import");
        expect(0, "migrate", "--from", catalog, "--to", work.resolve("migrated").toString());
        String second = postgres.create() + "&password=" + secret;
        Result migrated = expect(0, "migrate", "--from", work.resolve("migrated").toString(), "--to", second);
        assertThat(migrated.out()).contains("password=***");
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.writeString(inbox.resolve("a-tags.csv"), "model,tag\norg/model-03,audio\n");
        expect(0, "watch", "--inbox", inbox.toString(), "--once", "--settle", "0", "--catalog", catalog);
        Result noCatalog = expect(1, "export", "--catalog", bare.replace("/cb_", "/cb_none_") + "&password=" + secret,
                "--out", work.resolve("none").toString());
        assertThat(noCatalog.err()).contains("password=***");
        Result badDriver = process(1, "import", "--catalog", catalog.replace("jdbc:postgresql:", "jdbc:postgresq:"),
                "--models", models.toString(), "--report", work.resolve("bad-driver").toString(), "--verbose");
        assertThat(badDriver.err()).contains("import failed");
        Result badDatabase = process(1, "import", "--catalog", catalog.replace("/cb_", "/cb_none_"),
                "--models", models.toString(), "--report", work.resolve("bad-database").toString(), "--verbose");
        assertThat(badDatabase.err()).contains("import failed");

        assertNowhere(List.of(bare, second.replace("&password=" + secret, "")));
    }

    @Test
    void no_command_leaves_a_password_given_in_an_h2_url_anywhere() throws Exception {
        String catalog = "jdbc:h2:file:" + work.resolve("db").toAbsolutePath() + ";USER=cb;PASSWORD=" + secret;

        expect(0, "import", "--catalog", catalog, "--models", models.toString(), "--tags", tags.toString(),
                "--report", work.resolve("imported").toString(), "--verbose");
        System.setProperty("catalog-batch.chunk-size", "10");
        System.setProperty("catalog-batch.fault.fail-after-line", "35");
        Path other = Files.writeString(work.resolve("other.csv"), modelsFile(50).replace("model ", "changed "));
        expect(1, "import", "--catalog", catalog, "--models", other.toString(),
                "--report", work.resolve("failed").toString());
        System.clearProperty("catalog-batch.fault.fail-after-line");
        expect(0, "import", "--catalog", catalog, "--models", other.toString(),
                "--report", work.resolve("failed").toString());
        expect(0, "export", "--catalog", catalog, "--out", work.resolve("export").toString());
        expect(0, "search", "--catalog", catalog, "--all", "nlp", "--out", work.resolve("found.csv").toString());
        expect(0, "history", "--catalog", catalog);
        expect(0, "migrate", "--from", catalog, "--to", work.resolve("migrated").toString());
        Result misplaced = expect(2, "export", catalog, "--out", work.resolve("x").toString());
        assertThat(misplaced.err()).contains("PASSWORD=***");

        // The H2 database file holds the password's hash, never its text; the files are searched whole.
        assertNowhere(List.of(catalog));
    }

    /**
     * A password in PgJDBC's password file (here named by {@code -Dorg.postgresql.pgpassfile}, by default
     * {@code ~/.pgpass}) and none in the URL: PgJDBC connects (the test server trusts loopback, so it checks no
     * password; what is shown is that nothing of ours needs one in the URL), and the password is nowhere.
     */
    @Test
    void a_password_in_the_password_file_stays_there() throws Exception {
        String bare = postgres.create();
        Path pgpass = Files.writeString(work.resolve("pgpass"), "*:*:*:postgres:" + secret + "\n");
        Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        process(0, List.of("-Dorg.postgresql.pgpassfile=" + pgpass), "import", "--catalog", bare, "--models",
                models.toString(), "--report", work.resolve("imported").toString(), "--verbose");
        expect(0, "history", "--catalog", bare);

        Files.delete(pgpass);
        assertNowhere(List.of(bare));
    }

    /**
     * An earlier version recorded the catalog's URL as given, password included, in the import's identifying
     * parameters. Such a failed run is resumed by the same command, and its record no longer holds the password.
     */
    @Test
    void a_failed_run_recorded_with_the_password_in_its_parameters_still_resumes() throws Exception {
        String bare = postgres.create();
        String catalog = bare + "&password=" + secret;
        Path report = work.resolve("report");
        System.setProperty("catalog-batch.chunk-size", "10");
        System.setProperty("catalog-batch.fault.fail-after-line", "35");
        JobExecution old = launchTheOldWay(catalog, report);
        assertThat(old.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(tableText(bare)).as("the record of the old way").contains(secret);
        System.clearProperty("catalog-batch.fault.fail-after-line");

        Result resumed = expect(0, "import", "--catalog", catalog, "--models", models.toString(),
                "--report", report.toString());

        assertThat(Files.readString(report.resolve("run.log")))
                .as("the same job instance went on; its completed check step was not run again")
                .contains("Step already complete or not restartable, so no action to execute")
                .contains("name=" + ImportCatalogJobConfiguration.CHECK_MODELS_STEP)
                .doesNotContain(secret);
        assertThat(resumed.out()).contains("60 imported");
        assertThat(tableText(bare)).as("the old run's record, rewritten masked").doesNotContain(secret)
                .contains("password=***");
        Result again = expect(0, "import", "--catalog", catalog, "--models", models.toString(),
                "--report", work.resolve("again").toString());
        assertThat(again.out()).as("a completed run: the next attempt changes nothing").contains("0 changes");
        Result history = expect(0, "history", "--catalog", bare + "&password=another-" + secret);
        assertThat(history.out()).doesNotContain(secret);
    }

    /** The import as the version before masking launched it: the catalog's URL whole in its parameters. */
    private JobExecution launchTheOldWay(String catalog, Path report) throws Exception {
        Files.createDirectories(report);
        try (ConfigurableApplicationContext context = BatchContext.start(StoreLocation.of(catalog), true, false)) {
            context.getBean(CatalogStore.class);
            JobParameters parameters = new JobParametersBuilder()
                    .addString("catalog", catalog)
                    .addString(ImportCatalogJobConfiguration.MODELS_FILE, models.toAbsolutePath().toString())
                    .addString("models.sha256", FileFingerprint.sha256(models))
                    .addString(ImportCatalogJobConfiguration.CHARSET, "UTF-8")
                    .addString(ImportCatalogJobConfiguration.DRY_RUN, "false")
                    .addString(ImportCatalogJobConfiguration.MODE, "merge")
                    .addLong(JobRuns.ATTEMPT, 1L)
                    .toJobParameters();
            return JobRuns.launch(context, ImportCatalogJobConfiguration.JOB_NAME,
                    new JobRuns.Plan(parameters, java.util.Optional.empty()), new JobParametersBuilder()
                            .addString(ImportCatalogJobConfiguration.REPORT_DIR, report.toString(), false)
                            .addString(JobRuns.COMMAND, "import", false).toJobParameters());
        }
    }

    private Result expect(int exitCode, String... args) {
        Result result = CatalogBatchCli.run(args);
        results.add(result);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.out() + result.err())
                .isEqualTo(exitCode);
        return result;
    }

    private Result process(int exitCode, String... args) {
        return process(exitCode, List.of(), args);
    }

    private Result process(int exitCode, List<String> jvmOptions, String... args) {
        Result result = CatalogBatchProcess.run(work, jvmOptions, args);
        results.add(result);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.out() + result.err())
                .isEqualTo(exitCode);
        return result;
    }

    private void assertNowhere(List<String> databases) throws Exception {
        for (Result result : results) {
            assertThat(result.out() + result.err()).as("what a command printed").doesNotContain(secret);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).as("stdout and stderr").doesNotContain(secret);
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> all = Files.walk(work)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anyMatch(file -> file.endsWith("run.log")).anyMatch(file -> file.endsWith("summary.json"));
        for (Path file : files) {
            assertThat(indexOf(Files.readAllBytes(file), needle)).as(file.toString()).isEqualTo(-1);
        }
        for (String database : databases) {
            String text = tableText(database);
            assertThat(text).as("the tables of " + database).contains("BATCH_JOB_EXECUTION_PARAMS")
                    .doesNotContain(secret);
        }
    }

    /** Every row of every table of the database (job repository and catalog), as text, each after its table's name. */
    private static String tableText(String url) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(url)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    String schema = found.getString("TABLE_SCHEM");
                    if (!"INFORMATION_SCHEMA".equalsIgnoreCase(schema) && !"pg_catalog".equals(schema)) {
                        tables.add(schema + "." + found.getString("TABLE_NAME"));
                    }
                }
            }
            for (String table : tables) {
                text.append(table.toUpperCase(java.util.Locale.ROOT)).append('\n');
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("select * from " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            text.append(rows.getString(column)).append('|');
                        }
                        text.append('\n');
                    }
                }
            }
        }
        return text.toString();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String modelsFile(int rows) {
        StringBuilder models = new StringBuilder("name,description,tags\n");
        for (int i = 0; i < rows; i++) {
            models.append(String.format("org/model-%02d,model %d,%s%n", i, i, i % 2 == 0 ? "nlp" : "vision"));
        }
        return models.toString();
    }

    /** Writes to the real stream and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
