package io.catalogbatch.catalog.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.runs.RunSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reason code of SPEC §3, fed through the whole import: a rejected row lands in the errors file
 * with its line, reason and column, the others are imported; a refused file stores nothing.
 */
class ImportReasonCodesIT {

    @TempDir
    Path work;

    static List<Arguments> rowRejections() {
        String header = "name,description,url,created,status,successor,revision,tags\n";
        return List.of(
                Arguments.of("missing-field", header + "ok\n\"  \",empty name\n", 3, "name"),
                Arguments.of("bad-date", header + "ok\nx,,,15/01/2024\n", 3, "created"),
                Arguments.of("bad-value", header + "ok\nx,,,,retired\n", 3, "status"),
                Arguments.of("bad-tag", header + "ok\nx,,,,,,,\"fine;not fine!\"\n", 3, "tags"),
                Arguments.of("bad-url", header + "ok\nx,,ftp://example.org/x\n", 3, "url"),
                Arguments.of("too-long", header + "ok\n" + "n".repeat(201) + "\n", 3, "name"),
                Arguments.of("control-character", header + "ok\n\"x\u0007y\"\n", 3, "name"),
                Arguments.of("duplicate", header + "ok\nOK,again\n", 3, "name"),
                Arguments.of("too-many-tags", header + "ok\nx,,,,,,,\"" + tags(257) + "\"\n", 3, "tags"),
                Arguments.of("extra-field", header + "ok\nx,,,,,,,,surplus\n", 3, ""),
                Arguments.of("repeated-header", header + "ok\n" + header, 3, ""),
                Arguments.of("bad-successor", header + "ok\nx,,,,deprecated,nobody\n", 3, "successor"),
                Arguments.of("bad-value", header + "ok\nx,,,,,,seven\n", 3, "revision"));
    }

    static String tags(int count) {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < count; i++) {
            tags.append(i == 0 ? "" : ";").append("t").append(i);
        }
        return tags.toString();
    }

    @ParameterizedTest(name = "{0} ({3})")
    @MethodSource("rowRejections")
    void a_bad_row_is_rejected_with_its_reason_line_and_column_and_the_rest_is_imported(
            String reason, String models, long line, String column) throws Exception {
        Result run = importModels(models);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        List<String> errors = Files.readAllLines(work.resolve("report/models.errors.csv"));
        assertThat(errors).hasSize(2);
        assertThat(errors.get(1)).contains("," + line + "," + reason + "," + column + ",");
        assertThat(Files.readString(work.resolve("catalog/models.csv"))).contains("\r\nok,");
        RunSummary summary = RunSummary.read(work.resolve("report/summary.json"));
        assertThat(summary.files().get(0).rejected()).isEqualTo(1);
        assertThat(summary.files().get(0).imported()).isEqualTo(1);
    }

    static List<Arguments> fileRefusals() {
        return List.of(
                Arguments.of("empty-file", new byte[0]),
                Arguments.of("empty-file", "\uFEFF;;;\r\n\r\n\t\t\n,,,\n||\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("binary-content", new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}),
                Arguments.of("bad-encoding", "name\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)),
                Arguments.of("bad-encoding", "name,description\nok,x\uFFFDy\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("unbalanced-quote", "name,description\nok,\"never closed\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("malformed-quote", "name,description\nok,\"closed\" then text\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("missing-required-column", "title,description\nok,x\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("duplicate-column", "name,task,Name\nok,x,y\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("too-many-columns", ("name" + ",c".repeat(1000) + "\nok\n").getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileRefusals")
    void a_broken_models_file_is_refused_whole_and_its_tags_file_is_not_processed(String reason, byte[] content)
            throws Exception {
        Path models = work.resolve("models.csv");
        Files.write(models, content);
        Path tags = work.resolve("tags.csv");
        Files.writeString(tags, "model,tag\nok,t\n");

        Result run = CatalogBatchCli.run("import", "--models", models.toString(), "--tags", tags.toString(),
                "--catalog", work.resolve("catalog").toString(), "--report", work.resolve("report").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("models.csv refused").contains("(" + reason + ")");
        RunSummary summary = RunSummary.read(work.resolve("report/summary.json"));
        assertThat(summary.status()).isEqualTo("refused");
        assertThat(summary.files()).extracting(RunSummary.FileSummary::reason)
                .containsExactly(reason, "models-file-refused");
        assertThat(work.resolve("catalog/models.csv")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileRefusals")
    void a_broken_tags_file_is_refused_whole_and_the_models_stay_imported(String reason, byte[] content)
            throws Exception {
        Path models = work.resolve("models.csv");
        Files.writeString(models, "name\nok\n");
        Path tags = work.resolve("tags.csv");
        String asText = new String(content, StandardCharsets.ISO_8859_1);
        Files.write(tags, reason.equals("missing-required-column") ? "model,label\nok,x\n".getBytes()
                : reason.equals("duplicate-column") ? "model,tag,TAG\nok,x,y\n".getBytes()
                : asText.replace("name,description\n", "model,tag\n").getBytes(StandardCharsets.ISO_8859_1));

        Result run = CatalogBatchCli.run("import", "--models", models.toString(), "--tags", tags.toString(),
                "--catalog", work.resolve("catalog").toString(), "--report", work.resolve("report").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("tags.csv refused").contains("(" + reason + ")");
        assertThat(Files.readString(work.resolve("catalog/models.csv"))).contains("\r\nok,");
        assertThat(work.resolve("catalog/tags.csv")).hasContent("model,tag");
    }

    Result importModels(String models) throws Exception {
        Path file = work.resolve("models.csv");
        Files.writeString(file, models);
        return CatalogBatchCli.run("import", "--models", file.toString(), "--catalog",
                work.resolve("catalog").toString(), "--report", work.resolve("report").toString());
    }
}
