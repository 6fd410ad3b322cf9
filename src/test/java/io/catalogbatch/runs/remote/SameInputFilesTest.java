package io.catalogbatch.runs.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.runs.FileFingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

class SameInputFilesTest {

    @TempDir
    Path work;

    @Test
    void the_files_the_manager_checked_pass() throws IOException {
        Path models = Files.writeString(work.resolve("models.csv"), "name\norg/one\n");
        assertThat(SameInputFiles.problem(run(models, FileFingerprint.sha256(models)), "w1")).isEmpty();
    }

    @Test
    void a_file_missing_on_the_worker_is_named_with_where_files_must_be() throws IOException {
        Path models = work.resolve("models.csv");
        assertThat(SameInputFiles.problem(run(models, "ab".repeat(32)), "w1")).hasValue("the worker on w1 cannot"
                + " read the models file " + models + ": there is no such file there (every worker reads the input"
                + " files at the path the manager was given: put them on storage all machines share)");
    }

    @Test
    void other_contents_than_the_manager_checked_are_named() throws IOException {
        Path models = Files.writeString(work.resolve("models.csv"), "name\norg/one\n");
        String checked = FileFingerprint.sha256(models);
        Files.writeString(models, "name\norg/two\n");
        assertThat(SameInputFiles.problem(run(models, checked), "w1")).get().asString()
                .startsWith("the worker on w1 finds other contents in the models file " + models
                        + " than the manager checked (SHA-256 ")
                .contains(checked.substring(0, 12) + " on the manager");
    }

    private static JobParameters run(Path models, String sha256) {
        return new JobParametersBuilder().addString("models.file", models.toString())
                .addString("models.sha256", sha256).addString("catalog", "jdbc:postgresql:x").toJobParameters();
    }
}
