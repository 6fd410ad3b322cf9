package io.catalogbatch.catalog.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.explore.JobExplorer;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What an import leaves in its job repository is data a later version must read: a failed run is resumed by
 * running the same command again, perhaps after an upgrade, and {@code history} shows every run. So the names
 * of the job and its steps, and the keys and values of the execution contexts, are pinned here as a run
 * records them (written before the import's steps were rearranged, and passing unchanged after), for a run that
 * failed midway through its tags file, its resumption, and a replace-mode run; and what {@code history} makes
 * of them. A change that renames any of them must translate what older runs recorded, and say so here.
 */
class ImportJobRepositoryLayoutIT {

    @TempDir
    Path work;

    @AfterEach
    void clearSwitches() {
        System.clearProperty("catalog-batch.chunk-size");
        System.clearProperty("catalog-batch.fault.fail-after-line");
    }

    @Test
    void a_failed_run_and_its_resumption_record_the_steps_and_context_keys_older_runs_recorded() throws Exception {
        Path models = modelsFile();
        Path tags = tagsFile();
        System.setProperty("catalog-batch.chunk-size", "10");
        System.setProperty("catalog-batch.fault.fail-after-line", "36"); // a line of the tags file only

        Result failed = importInto("merge", models, tags);

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        System.clearProperty("catalog-batch.fault.fail-after-line");
        List<String> afterFailure = layout();
        assertThat(afterFailure).containsExactly(
                "job importCatalogJob #1 FAILED",
                "  job context {models.file.delimiter=comma, models.file.encoding=UTF-8, models.file.rows=33,"
                        + " tags.file.delimiter=comma, tags.file.encoding=UTF-8, tags.file.rows=40}",
                "  step checkModelsFileStep COMPLETED read=0 filtered=0 written=0 commits=1 context"
                        + " {batch.stepType=org.springframework.batch.core.step.tasklet.TaskletStep,"
                        + " batch.taskletType=io.catalogbatch.shared.batch.FileCheckTasklet}",
                "  step importModelsStep COMPLETED read=33 filtered=1 written=32 commits=4 context"
                        + " {batch.stepType=org.springframework.batch.core.step.item.ChunkOrientedStep,"
                        + " models.rows=33, rejected.by.handlers=1}",
                "  step checkTagsFileStep COMPLETED read=0 filtered=0 written=0 commits=1 context"
                        + " {batch.stepType=org.springframework.batch.core.step.tasklet.TaskletStep,"
                        + " batch.taskletType=io.catalogbatch.shared.batch.FileCheckTasklet}",
                "  step importTagsStep FAILED read=40 filtered=0 written=30 commits=3 context"
                        + " {batch.stepType=org.springframework.batch.core.step.item.ChunkOrientedStep,"
                        + " rejected.by.handlers=14, tags.rows=30}");

        Result resumed = importInto("merge", models, tags);

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(3);
        List<String> afterResumption = layout();
        assertThat(afterResumption.subList(0, afterFailure.size())).isEqualTo(afterFailure);
        assertThat(afterResumption.subList(afterFailure.size(), afterResumption.size())).containsExactly(
                "job importCatalogJob #2 COMPLETED",
                "  job context {models.file.delimiter=comma, models.file.encoding=UTF-8, models.file.rows=33,"
                        + " tags.file.delimiter=comma, tags.file.encoding=UTF-8, tags.file.rows=40}",
                "  step importTagsStep COMPLETED read=10 filtered=0 written=10 commits=1 context"
                        + " {batch.stepType=org.springframework.batch.core.step.item.ChunkOrientedStep,"
                        + " rejected.by.handlers=24, tags.rows=40}",
                "  step replaceTagsStep COMPLETED read=0 filtered=0 written=0 commits=1 context"
                        + " {batch.stepType=org.springframework.batch.core.step.tasklet.TaskletStep,"
                        + " batch.taskletType=io.catalogbatch.catalog.entrypoints.batch.ImportCatalogJobConfiguration$$Lambda}");
        assertThat(history()).containsExactly("done-with-rejections read 73 imported 47 rejected 26",
                "failed read 63 imported 47 rejected 16");
        Files.delete(work.resolve("report/summary.json"));
        // Without the summary, each execution counts its own rows: the resumption read the last 10 tag rows.
        assertThat(history()).as("from the job repository alone").containsExactly(
                "done-with-rejections read 10 imported 0 rejected 10", "failed read 63 imported 47 rejected 16");
    }

    /** What {@code history} says of each run, newest first: status and rows. */
    List<String> history() throws Exception {
        Result history = CatalogBatchCli.run("history", "--catalog", catalog().toString(), "--csv");
        assertThat(history.exitCode()).as(history.err()).isZero();
        List<String> runs = new ArrayList<>();
        for (CSVRecord run : CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(history.out()))) {
            runs.add(String.format("%s read %s imported %s rejected %s", run.get("status"), run.get("read"),
                    run.get("imported"), run.get("rejected")));
        }
        return runs;
    }

    @Test
    void a_replace_mode_run_records_the_position_of_its_last_step() throws Exception {
        Result run = importInto("replace", modelsFile(), tagsFile());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(layout()).filteredOn(line -> line.contains("step replaceTagsStep")).containsExactly(
                "  step replaceTagsStep COMPLETED read=31 filtered=0 written=31 commits=1 context"
                        + " {batch.stepType=org.springframework.batch.core.step.item.ChunkOrientedStep,"
                        + " listed.position=31}");
    }

    /** 31 models (m-00 .. m-30) with tags, a row with a bad revision, a repeated name: 34 lines. */
    Path modelsFile() throws Exception {
        StringBuilder csv = new StringBuilder("name,description,tags,revision\n");
        for (int i = 0; i < 31; i++) {
            csv.append(String.format("m-%02d,model %d,t%d,%n", i, i, i % 3));
        }
        csv.append("m-31,a bad revision,,x\n");
        csv.append("M-05,a repeated name,,\n");
        return Files.writeString(work.resolve("models.csv"), csv);
    }

    /** 40 tag rows: some name no model (m-40 .. m-44), some repeat an earlier row. */
    Path tagsFile() throws Exception {
        StringBuilder csv = new StringBuilder("model,tag,action\n");
        for (int i = 0; i < 40; i++) {
            csv.append(String.format("m-%02d,tag-%d,%s%n", (i * 9) % 45, i % 4, i % 7 == 0 ? "remove" : "add"));
        }
        return Files.writeString(work.resolve("tags.csv"), csv);
    }

    Path catalog() {
        return work.resolve("catalog");
    }

    Result importInto(String mode, Path models, Path tags) {
        return CatalogBatchCli.run("import", "--models", models.toString(), "--tags", tags.toString(), "--catalog",
                catalog().toString(), "--report", work.resolve("report").toString(), "--mode", mode);
    }

    /** Every job execution of the catalog's job repository, oldest first, with its steps and their contexts. */
    List<String> layout() throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:file:" + catalog().resolve(".catalog-batch/jobs").toAbsolutePath());
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(new ResourcelessTransactionManager());
        factory.afterPropertiesSet();
        JobExplorer repository = factory.getObject();
        List<String> lines = new ArrayList<>();
        for (String job : repository.getJobNames()) {
            for (JobInstance instance : repository.getJobInstances(job, 0, 100)) {
                List<JobExecution> executions = new ArrayList<>(repository.getJobExecutions(instance));
                executions.sort((a, b) -> Long.compare(a.getId(), b.getId()));
                for (JobExecution execution : executions) {
                    lines.add(String.format("job %s #%d %s", job, execution.getId(), execution.getStatus()));
                    lines.add("  job context " + entries(execution.getExecutionContext()));
                    List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
                    steps.sort((a, b) -> Long.compare(a.getId(), b.getId()));
                    for (StepExecution step : steps) {
                        lines.add(String.format("  step %s %s read=%d filtered=%d written=%d commits=%d context %s",
                                step.getStepName(), step.getStatus(), step.getReadCount(), step.getFilterCount(),
                                step.getWriteCount(), step.getCommitCount(), entries(step.getExecutionContext())));
                    }
                }
            }
        }
        return lines;
    }

    static Map<String, Object> entries(ExecutionContext context) {
        Map<String, Object> entries = new TreeMap<>();
        // Spring Batch's own record of its version is not the import's to keep.
        context.entrySet().stream().filter(entry -> !entry.getKey().equals("batch.version"))
                .forEach(entry -> entries.put(entry.getKey(),
                        String.valueOf(entry.getValue()).replaceAll("\\$\\$Lambda.*", "\\$\\$Lambda")));
        return entries;
    }
}
