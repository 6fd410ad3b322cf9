package io.catalogbatch.allocation.entrypoints.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.cli.CatalogBatchCli;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import io.catalogbatch.runs.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog-batch allocate} end to end: the job, its report and its exit codes. */
class AllocateJobIT {

    @TempDir
    Path work;
    Path dir;

    @BeforeEach
    void folder() throws Exception {
        dir = Files.createDirectories(work.resolve("shop"));
        Files.writeString(dir.resolve("batches.csv"), "ref,sku,qty,eta\nlater,LAMP,10,2024-05-01\nnow,LAMP,5,\n"
                + "soon,LAMP,10,2024-04-01\nb-desk,DESK,1,\n");
        Files.writeString(dir.resolve("orders.csv"), "orderid,sku,qty\no1,LAMP,5\n\"o,2 \"\"big\"\"\",LAMP,10\n"
                + "o3,LAMP,11\no4,SOFA,1\no5,DESK,1\no1,LAMP,5\no6,DESK,0\n");
    }

    Result allocate(String report) {
        return CatalogBatchCli.run("allocate", "--dir", dir.toString(), "--report", work.resolve(report).toString());
    }

    @Test
    void allocates_in_preference_order_writes_sorted_allocations_and_reports_the_lines_it_could_not_take()
            throws Exception {
        Result run = allocate("r1");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("allocations.csv"))).isEqualTo("orderid,sku,qty,batchref\r\n"
                + "\"o,2 \"\"big\"\"\",LAMP,10,soon\r\no1,LAMP,5,now\r\no5,DESK,1,b-desk\r\n");
        String errors = Files.readString(work.resolve("r1/orders.errors.csv"));
        assertThat(errors).contains("o3,LAMP,11,4,out-of-stock,qty,").contains("o4,SOFA,1,5,unknown-sku,sku,")
                .contains("o1,LAMP,5,7,duplicate,").contains("o6,DESK,0,8,bad-value,qty,");
        assertThat(Files.readString(work.resolve("r1/changes.csv"))).contains("Allocated,o1,LAMP,5,now")
                .contains("OutOfStock,,LAMP,,");
        RunSummary summary = RunSummary.read(work.resolve("r1/summary.json"));
        assertThat(summary.command()).isEqualTo("allocate");
        assertThat(summary.files()).extracting(RunSummary.FileSummary::role, RunSummary.FileSummary::rejected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("batches", 0L),
                        org.assertj.core.groups.Tuple.tuple("orders", 4L));
    }

    @Test
    void a_second_run_keeps_earlier_allocations_and_allocates_nothing_twice() throws Exception {
        allocate("r1");
        Files.writeString(dir.resolve("orders.csv"), Files.readString(dir.resolve("orders.csv")) + "o7,LAMP,10\n");

        Result again = allocate("r2");

        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("allocations.csv"))).isEqualTo("orderid,sku,qty,batchref\r\n"
                + "\"o,2 \"\"big\"\"\",LAMP,10,soon\r\no1,LAMP,5,now\r\no5,DESK,1,b-desk\r\no7,LAMP,10,later\r\n");
        assertThat(Files.readAllLines(work.resolve("r2/changes.csv"))).contains("Allocated,o7,LAMP,10,later");
    }

    @Test
    void a_refused_file_changes_nothing_and_exits_1() throws Exception {
        allocate("r1");
        String before = Files.readString(dir.resolve("allocations.csv"));
        Files.writeString(dir.resolve("orders.csv"), "orderid,sku,qty\no8,LAMP,1\no9,LAMP,\"1\n");

        Result run = allocate("r2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("orders.csv refused").contains("(unbalanced-quote)");
        assertThat(Files.readString(dir.resolve("allocations.csv"))).isEqualTo(before);
        assertThat(Files.readAllLines(work.resolve("r2/changes.csv"))).containsExactly("event,orderid,sku,qty,batchref");
    }

    @Test
    void a_folder_that_does_not_exist_is_a_usage_error() {
        Result run = CatalogBatchCli.run("allocate", "--dir", work.resolve("nope").toString());

        assertThat(run.exitCode()).isEqualTo(2);
    }
}
