package io.catalogbatch.catalog.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.adapters.csv.CsvCatalog;
import io.catalogbatch.cli.CatalogBatchCli;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.runs.RunSummary;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import rules of SPEC §4 and §8, through the whole command. */
class ImportSemanticsIT {

    @TempDir
    Path work;
    int runs;

    Result importFiles(String models, String tags, String... extra) throws Exception {
        runs++;
        Path modelsFile = work.resolve("in" + runs + "/models.csv");
        Files.createDirectories(modelsFile.getParent());
        Files.writeString(modelsFile, models);
        List<String> args = new java.util.ArrayList<>(List.of("import", "--models", modelsFile.toString(),
                "--catalog", work.resolve("catalog").toString(), "--report", report().toString()));
        if (tags != null) {
            Path tagsFile = work.resolve("in" + runs + "/tags.csv");
            Files.writeString(tagsFile, tags);
            args.addAll(List.of("--tags", tagsFile.toString()));
        }
        args.addAll(List.of(extra));
        return CatalogBatchCli.run(args.toArray(String[]::new));
    }

    Path report() {
        return work.resolve("report" + runs);
    }

    String catalogModels() throws Exception {
        return Files.readString(work.resolve("catalog/models.csv"));
    }

    String errors(String file) throws Exception {
        return Files.readString(report().resolve(file));
    }

    @Test
    void a_successor_may_name_a_model_further_down_the_file_and_a_cycle_is_refused_at_the_row_closing_it()
            throws Exception {
        Result run = importFiles("""
                name,status,successor
                old-model,deprecated,New-Model
                New-Model,,old-model
                third,deprecated,THIRD
                earlier,deprecated,later
                later,,
                """, null);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        // New-Model would close the cycle, so it is rejected; old-model, which names it, is rejected with it
        // rather than stored naming a model that never comes (its export would not import back).
        assertThat(catalogModels()).doesNotContain("old-model").doesNotContain("New-Model")
                .contains("\r\nearlier,,,,,,,deprecated,later,1\r\n").contains("\r\nlater,");
        assertThat(errors("models.errors.csv"))
                .contains("old-model,deprecated,New-Model,2,bad-successor,successor,")
                .contains("New-Model,,old-model,3,bad-successor,successor,")
                .contains("third,deprecated,THIRD,4,bad-successor,successor,");
    }

    @Test
    void a_successor_naming_a_later_row_that_is_rejected_is_rejected_too_and_the_export_imports_back()
            throws Exception {
        Result run = importFiles("""
                name,status,successor,tags
                a,deprecated,b,
                b,deprecated,nobody,
                c,deprecated,d,
                d,,,x
                d,,,y
                """, null);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(errors("models.errors.csv"))
                .contains("a,deprecated,b,,2,bad-successor,successor,")
                .contains("b,deprecated,nobody,,3,bad-successor,successor,")
                .contains("d,,,y,6,duplicate,");
        assertThat(catalogModels()).doesNotContain("\r\na,").contains("\r\nc,,,,,,,deprecated,d,1\r\n");
        Result export = CatalogBatchCli.run("export", "--catalog", work.resolve("catalog").toString(), "--out",
                work.resolve("export").toString(), "--flavour", "raw");
        assertThat(export.exitCode()).isZero();
        Result back = CatalogBatchCli.run("import", "--models", work.resolve("export/models.csv").toString(),
                "--tags", work.resolve("export/tags.csv").toString(), "--catalog", work.resolve("again").toString(),
                "--report", work.resolve("report-again").toString());
        assertThat(back.exitCode()).as(back.out() + back.err()).isZero();
    }

    @Test
    void an_import_into_a_catalog_another_run_holds_is_refused_without_resume_advice() throws Exception {
        try (CsvCatalog busy = CsvCatalog.openForWriting(work.resolve("catalog"))) {
            Result run = importFiles("name\nsolo\n", null);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("is in use by another catalog-batch run; wait for it to finish and try again")
                    .doesNotContain("resume").doesNotContain("\tat ");
            assertThat(busy.countModels()).isZero();
        }
    }

    @Test
    void a_row_edited_from_a_stale_export_is_a_conflict_and_a_current_one_updates() throws Exception {
        assertThat(importFiles("name,task\nbert,fill-mask\n", null).exitCode()).isZero();
        assertThat(importFiles("name,task\nbert,text-classification\n", null).exitCode()).isZero();

        Result run = importFiles("name,task,revision\nbert,token-classification,1\nBERT,translation,2\n", null);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(errors("models.errors.csv")).contains("bert,token-classification,1,2,conflict,revision,");
        assertThat(catalogModels()).contains("\r\nbert,,translation,,,,,active,,3\r\n");
    }

    @Test
    void a_row_updates_only_the_columns_its_file_has_and_an_empty_cell_clears_one() throws Exception {
        importFiles("name,description,task,license,status\nbert,\"keep, me\",fill-mask,mit,deprecated\n", null);

        Result run = importFiles("name,license,status,tags\nbert,,,\"a|b,c\"\n", null);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(catalogModels()).contains("\r\nbert,\"keep, me\",fill-mask,,,,,active,,6\r\n");
        assertThat(Files.readString(work.resolve("catalog/tags.csv"))).isEqualTo("model,tag\r\nbert,a\r\nbert,b\r\nbert,c\r\n");
        assertThat(Files.readString(report().resolve("changes.csv"))).contains(
                "bert,ModelDetailsChanged,license,2", "bert,ModelRestored,,3", "bert,ModelTagged,a,4");
    }

    @Test
    void tags_rows_add_and_remove_and_name_only_models_the_catalog_holds() throws Exception {
        importFiles("name,tags\nbert,x;y\n", null);

        Result run = importFiles("name\ngpt\n", """
                model,tag,action
                BERT,x,Remove
                bert,z,
                gpt,z,add
                nobody,z,add
                bert,w,delete
                bert,absent,remove
                """);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(Files.readString(work.resolve("catalog/tags.csv")))
                .isEqualTo("model,tag\r\nbert,y\r\nbert,z\r\ngpt,z\r\n");
        assertThat(errors("tags.errors.csv"))
                .contains("nobody,z,add,5,unknown-model,model,")
                .contains("bert,w,delete,6,bad-value,action,");
    }

    @Test
    void a_dry_run_reports_what_would_change_and_leaves_the_catalog_alone() throws Exception {
        importFiles("name\nbert\n", null);
        String before = catalogModels();

        Result run = importFiles("name,task\nbert,fill-mask\ngpt,text-generation\nthird,,\n", "model,tag\ngpt,new\n",
                "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Dry run, nothing stored: 4 changes");
        assertThat(catalogModels()).isEqualTo(before);
        assertThat(RunSummary.read(report().resolve("summary.json")).dryRun()).isTrue();
    }

    @Test
    void a_dry_run_on_a_catalog_that_does_not_exist_creates_nothing_there() throws Exception {
        Path models = work.resolve("m.csv");
        Files.writeString(models, "name\nbert\n");

        Result run = CatalogBatchCli.run("import", "--models", models.toString(), "--catalog",
                work.resolve("nowhere").toString(), "--report", work.resolve("r").toString(), "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(work.resolve("nowhere")).doesNotExist();
        assertThat(Files.readString(work.resolve("r/changes.csv"))).contains("bert,ModelAdded");
    }

    @Test
    void rejected_rows_are_listed_in_file_order_whatever_rule_they_broke() throws Exception {
        importFiles("name\nbert\n", null);

        importFiles("name\ngpt\n", "model,tag,action\nnobody,a,\nbert,b,\nbert,bad!,\nbert,B,\nbert,c,oops\n");

        List<String> lines = Files.readAllLines(report().resolve("tags.errors.csv")).subList(1, 5);
        assertThat(lines).extracting(line -> line.split(",")[3]).containsExactly("2", "4", "5", "6");
    }

    @Test
    void export_refuses_a_catalog_folder_that_does_not_exist() {
        Result run = CatalogBatchCli.run("export", "--catalog", work.resolve("typo").toString(), "--out",
                work.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("there is no catalog at");
        assertThat(work.resolve("typo")).doesNotExist();
    }

    @Test
    void the_errors_file_fixed_by_the_user_imports_cleanly() throws Exception {
        Result first = importFiles("name,created,task\ngood,2024-01-15,x\nlate,15/01/2024,y\n", null);
        assertThat(first.exitCode()).isEqualTo(3);
        String fixed = errors("models.errors.csv").replace("15/01/2024", "2024-01-15");

        Result again = importFiles(fixed, null);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(catalogModels()).contains("\r\nlate,,y,,,,2024-01-15,active,,1\r\n");
        assertThat(errors("models.errors.csv")).isEqualTo("\uFEFFname,created,task,error_line,error_reason,"
                + "error_field,error_message\r\n");
    }

    @Test
    void reads_a_windows_1252_file_when_told_and_refuses_it_otherwise() throws Exception {
        byte[] latin = "name,description\ncafé,crème brûlée\n".getBytes(Charset.forName("windows-1252"));
        Path file = work.resolve("latin.csv");
        Files.write(file, latin);

        Result refused = CatalogBatchCli.run("import", "--models", file.toString(), "--catalog",
                work.resolve("catalog").toString(), "--report", work.resolve("r1").toString());
        Result read = CatalogBatchCli.run("import", "--models", file.toString(), "--catalog",
                work.resolve("catalog").toString(), "--report", work.resolve("r2").toString(),
                "--charset", "windows-1252");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("bad-encoding").contains("--charset windows-1252");
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(catalogModels()).contains("café,crème brûlée");
        assertThat(RunSummary.read(work.resolve("r2/summary.json")).files().get(0).encoding())
                .isEqualTo("windows-1252");
    }

    @Test
    void a_record_of_more_than_8_mi_characters_refuses_the_file_and_a_1_mib_description_is_too_long()
            throws Exception {
        Path big = work.resolve("big.csv");
        try (var out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            out.write("name,description\nsmall,\"" + "d".repeat(1 << 20) + "\"\nhuge,\"");
            String block = "x".repeat(1 << 16);
            for (int i = 0; i < 130; i++) {
                out.write(block);
            }
            out.write("\"\n");
        }

        Result run = CatalogBatchCli.run("import", "--models", big.toString(), "--catalog",
                work.resolve("catalog").toString(), "--report", work.resolve("r").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("(record-too-large)");
        Files.writeString(big, "name,description\nsmall,\"" + "d".repeat(1 << 20) + "\"\n");
        Result longOne = CatalogBatchCli.run("import", "--models", big.toString(), "--catalog",
                work.resolve("catalog").toString(), "--report", work.resolve("r2").toString());
        assertThat(longOne.exitCode()).isEqualTo(3);
        assertThat(longOne.err()).contains("(too-long)");
    }

    @Test
    void a_second_import_of_the_same_files_reports_every_row_imported_and_no_change() throws Exception {
        String models = "name,tags\nbert,a;b\ngpt,c\n";
        importFiles(models, "model,tag\nbert,d\n");

        Result again = importFiles(models, "model,tag\nbert,d\n");

        assertThat(again.exitCode()).isZero();
        RunSummary summary = RunSummary.read(report().resolve("summary.json"));
        assertThat(summary.changes()).isZero();
        assertThat(summary.files()).extracting(RunSummary.FileSummary::imported).containsExactly(2L, 1L);
        assertThat(summary.files()).extracting(RunSummary.FileSummary::errorsFile).containsExactly("", "");
    }

    @Test
    void replace_mode_sets_each_listed_models_tags_to_what_the_run_lists_and_leaves_the_others() throws Exception {
        importFiles("name,tags\nbert,a;b;c\ngpt,x\nt5,k\n", null);
        String models = "name,tags\nbert,a;d\n";
        String tags = "model,tag,action\nbert,e,add\nbert,d,remove\ngpt,y,\nnobody,z,add\n";

        Result run = importFiles(models, tags, "--mode", "replace");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(Files.readString(work.resolve("catalog/tags.csv")))
                .isEqualTo("model,tag\r\nbert,a\r\nbert,e\r\ngpt,y\r\nt5,k\r\n");
        assertThat(errors("tags.errors.csv")).contains("nobody,z,add,5,unknown-model,model,");
        assertThat(RunSummary.read(report().resolve("summary.json")).mode()).isEqualTo("replace");

        Result again = importFiles(models, tags, "--mode", "replace");

        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(RunSummary.read(report().resolve("summary.json")).changes()).isZero();
    }

    @Test
    void replace_mode_without_a_tags_column_lists_no_model_by_its_models_file() throws Exception {
        importFiles("name,tags\nbert,a;b\n", null);

        Result run = importFiles("name,task\nbert,fill-mask\n", null, "--mode", "replace");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(work.resolve("catalog/tags.csv"))).isEqualTo("model,tag\r\nbert,a\r\nbert,b\r\n");
    }

    @Test
    void replace_mode_keeps_the_first_256_tags_a_model_is_given_and_rejects_the_rows_beyond() throws Exception {
        String inline = String.join(";", java.util.stream.IntStream.range(0, 256).mapToObj(i -> "t" + i).toList());
        String tooMany = inline + ";t256";

        Result run = importFiles("name,tags\nm,\"" + inline + "\"\nn,\"" + tooMany + "\"\n",
                "model,tag\nm,extra\nm,t3\n", "--mode", "replace");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(errors("tags.errors.csv")).contains("m,extra,2,too-many-tags,tag,");
        assertThat(errors("models.errors.csv")).contains(",3,too-many-tags,tags,");
        assertThat(Files.readAllLines(work.resolve("catalog/tags.csv"))).hasSize(1 + 256);
        RunSummary summary = RunSummary.read(report().resolve("summary.json"));
        assertThat(summary.files()).extracting(RunSummary.FileSummary::rejected).containsExactly(1L, 1L);
        assertThat(summary.files()).extracting(RunSummary.FileSummary::errorsFile)
                .as("CSV files: the errors CSV is the file to fix")
                .containsExactly("models.errors.csv", "tags.errors.csv");
        assertThat(report().resolve("models.errors.xlsx")).doesNotExist();
    }

    @Test
    void a_spreadsheet_export_imports_back_unchanged_despite_its_formula_guards() throws Exception {
        importFiles("name,description,tags\n=cmd,-x,a\nplain,\"  +y\",b\n@home,\"\tindented\",c\n", null);
        Result export = CatalogBatchCli.run("export", "--catalog", work.resolve("catalog").toString(),
                "--out", work.resolve("sheet").toString());
        assertThat(export.exitCode()).isZero();
        assertThat(Files.readString(work.resolve("sheet/models.csv"))).contains("\"'=cmd\",\"'-x\"");
        String before = catalogModels();

        Result back = CatalogBatchCli.run("import", "--models", work.resolve("sheet/models.csv").toString(),
                "--tags", work.resolve("sheet/tags.csv").toString(), "--catalog", work.resolve("catalog").toString(),
                "--report", work.resolve("back").toString());

        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(RunSummary.read(work.resolve("back/summary.json")).changes()).isZero();
        assertThat(catalogModels()).isEqualTo(before);
    }

    @Test
    void a_new_run_in_the_report_folder_of_an_earlier_one_starts_a_clean_report() throws Exception {
        Path reportFolder = work.resolve("same-report");
        Files.writeString(work.resolve("a.csv"), "name\n\"\u0001a\"\n");
        Files.writeString(work.resolve("b.csv"), "name,description\nok1,2\n");
        CatalogBatchCli.run("import", "--models", work.resolve("a.csv").toString(), "--catalog",
                work.resolve("c1").toString(), "--report", reportFolder.toString());

        Result second = CatalogBatchCli.run("import", "--models", work.resolve("b.csv").toString(), "--catalog",
                work.resolve("c2").toString(), "--report", reportFolder.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(Files.readString(reportFolder.resolve("models.errors.csv")))
                .isEqualTo("\uFEFFname,description,error_line,error_reason,error_field,error_message\r\n");
        assertThat(Files.readAllLines(reportFolder.resolve("changes.csv"))).hasSize(2);
    }
}
