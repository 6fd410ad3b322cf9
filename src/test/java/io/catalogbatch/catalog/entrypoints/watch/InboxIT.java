package io.catalogbatch.catalog.entrypoints.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.shared.faults.FaultPause;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox of {@code watch}: pairing, readiness (settle period, markers), and filing without deleting anything. */
class InboxIT {

    static final Duration SETTLE = Duration.ofSeconds(30);

    @TempDir
    Path folder;
    @TempDir
    Path signals;

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2025-01-12T01:59:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final TestClock clock = new TestClock();

    Path write(String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content);
    }

    @Test
    void pairs_a_models_file_with_the_tags_file_of_the_same_name_and_takes_a_tags_file_alone() throws Exception {
        Path acmeModels = write("acme-models.csv", "name\na\n");
        Path acmeTags = write("ACME-Tags.CSV", "model,tag\na,x\n");
        Path lone = write("extra-tags.csv", "model,tag\na,y\n");
        Path other = write("zeta_models.csv", "name\nz\n");
        write("notes.txt", "not a csv");
        write("prices.csv", "neither models nor tags");
        write(".hidden-models.csv", "name\nh\n");
        write("acme-models.csv.ready", "");

        List<Inbox.Candidate> candidates = new Inbox(folder, Duration.ZERO, false, clock).look();

        assertThat(candidates).extracting(Inbox.Candidate::batch).containsExactly(
                new Inbox.Batch(acmeModels, acmeTags), new Inbox.Batch(null, lone), new Inbox.Batch(other, null));
        assertThat(candidates.get(0).batch().name()).isEqualTo("acme-models");
        assertThat(candidates.get(1).batch().name()).isEqualTo("extra-tags");
    }

    @Test
    void takes_a_models_workbook_as_a_batch_of_its_own_and_files_it_under_a_free_name() throws Exception {
        Path csvModels = write("acme-models.csv", "name\na\n");
        Path csvTags = write("acme-tags.csv", "model,tag\na,x\n");
        Path workbook = write("acme-models.xlsx", "a workbook");
        write("acme-tags.xlsx", "a tags workbook: not an inbox file");
        write("acme-models.xlsx.ready", "");
        Inbox inbox = new Inbox(folder, Duration.ZERO, false, clock);

        List<Inbox.Candidate> candidates = inbox.look();

        assertThat(candidates).extracting(Inbox.Candidate::batch).containsExactly(
                new Inbox.Batch(csvModels, csvTags), new Inbox.Batch(workbook, null));
        assertThat(candidates.get(1).batch().name()).isEqualTo("acme-models");
        LocalDate day = LocalDate.of(2025, 1, 12);
        inbox.file(candidates.get(0).batch(), true, day, java.nio.file.Files.createDirectories(folder.resolve("r1")));
        Inbox.Filed filed = inbox.file(candidates.get(1).batch(), true, day,
                java.nio.file.Files.createDirectories(folder.resolve("r2")));
        Path done = folder.resolve("done").resolve("2025-01-12");
        assertThat(filed.files().values()).containsExactly(done.resolve("acme-models-2.xlsx"),
                done.resolve("acme-models-2.xlsx.ready"));
        assertThat(filed.report()).isEqualTo(done.resolve("acme-models-2.report"));
    }

    @Test
    void a_file_is_ready_only_once_unchanged_for_the_settle_period_and_each_change_starts_the_wait_again()
            throws Exception {
        Path file = write("nightly-models.csv", "name,description\n");
        Inbox inbox = new Inbox(folder, SETTLE, false, clock);
        assertThat(inbox.look().get(0).ready()).as("first seen").isFalse();

        clock.advance(Duration.ofSeconds(20));
        Files.writeString(file, "org/a,half a ro", StandardOpenOption.APPEND); // the sender is still writing
        assertThat(inbox.look().get(0).ready()).as("grown").isFalse();
        clock.advance(Duration.ofSeconds(29));
        assertThat(inbox.look().get(0).ready()).as("unchanged for 29 s").isFalse();

        Files.setLastModifiedTime(file, FileTime.from(clock.instant())); // same size, touched
        assertThat(inbox.look().get(0).ready()).as("touched").isFalse();
        clock.advance(SETTLE.minusSeconds(1));
        assertThat(inbox.look().get(0).ready()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(inbox.look().get(0).ready()).as("unchanged for the settle period").isTrue();
    }

    @Test
    void a_pair_is_ready_when_both_files_are() throws Exception {
        write("a-models.csv", "name\na\n");
        Inbox inbox = new Inbox(folder, SETTLE, false, clock);
        inbox.look();
        clock.advance(SETTLE);
        assertThat(inbox.look().get(0).ready()).isTrue();

        write("a-tags.csv", "model,tag\n");
        assertThat(inbox.look().get(0).ready()).as("its tags file just arrived").isFalse();
        clock.advance(SETTLE);
        assertThat(inbox.look().get(0).ready()).isTrue();
    }

    @Test
    void a_ready_marker_makes_a_file_ready_at_once_and_can_be_required() throws Exception {
        write("a-models.csv", "name\na\n");
        write("b-models.csv", "name\nb\n");
        write("b-models.csv.ready", "");

        Inbox settling = new Inbox(folder, SETTLE, false, clock);
        assertThat(settling.look()).extracting(Inbox.Candidate::ready).containsExactly(false, true);

        Inbox markersOnly = new Inbox(folder, SETTLE, true, clock);
        markersOnly.look();
        clock.advance(Duration.ofDays(1));
        assertThat(markersOnly.look()).extracting(Inbox.Candidate::ready).containsExactly(false, true);
    }

    /** Another watcher filed a pair between this one's listing of the inbox and its look at each file. */
    @Test
    void a_file_taken_between_the_listing_and_the_look_at_it_is_left_out() throws Exception {
        write("a-models.csv", "name\na\n");
        write("a-tags.csv", "model,tag\na,x\n");
        Path b = write("b-models.csv", "name\nb\n");
        Inbox inbox = new Inbox(folder, SETTLE, false, clock);
        try (FaultPause listed = FaultPause.at("inbox-listed", signals).armHere()) {
            FutureTask<List<Inbox.Candidate>> looking = new FutureTask<>(inbox::look);
            new Thread(looking, "look").start();
            listed.await(() -> !looking.isDone());
            Path done = Files.createDirectories(folder.resolve("done/2025-01-12"));
            for (String taken : List.of("a-models.csv", "a-tags.csv")) {
                Files.move(folder.resolve(taken), done.resolve(taken));
            }
            listed.resume();

            assertThat(looking.get()).extracting(Inbox.Candidate::batch).containsExactly(new Inbox.Batch(b, null));
        }
    }

    @Test
    void filing_moves_the_files_their_markers_and_the_report_and_never_overwrites() throws Exception {
        Inbox inbox = new Inbox(folder, Duration.ZERO, false, clock);
        LocalDate date = LocalDate.of(2025, 1, 12);
        for (int round = 1; round <= 2; round++) {
            Path models = write("acme-models.csv", "name\nround " + round + "\n");
            write("acme-models.csv.ready", "");
            Path tags = write("acme-tags.csv", "model,tag\n");
            Path report = Files.createDirectories(folder.resolve(".catalog-batch/reports/r" + round));
            Files.writeString(report.resolve("summary.json"), "{}");

            Inbox.Filed filed = inbox.file(new Inbox.Batch(models, tags), true, date, report);

            String suffix = round == 1 ? "" : "-2";
            Path done = folder.resolve("done/2025-01-12");
            assertThat(filed.folder()).isEqualTo(done);
            assertThat(filed.report()).isEqualTo(done.resolve("acme-models" + suffix + ".report"));
            assertThat(filed.files().values()).containsExactly(done.resolve("acme-models" + suffix + ".csv"),
                    done.resolve("acme-models" + suffix + ".csv.ready"), done.resolve("acme-tags" + suffix + ".csv"));
            assertThat(done.resolve("acme-models" + suffix + ".csv")).hasContent("name\nround " + round + "\n");
            assertThat(filed.report().resolve("summary.json")).exists();
            assertThat(inbox.look()).isEmpty();
        }
        try (Stream<Path> all = Files.walk(folder.resolve("done"))) {
            assertThat(all.filter(Files::isRegularFile).count()).as("3 files and a summary per round").isEqualTo(8);
        }

        Path refused = write("broken-models.csv", "name\n\"never closed\n");
        Path report = Files.createDirectories(folder.resolve(".catalog-batch/reports/r3"));
        Inbox.Filed failed = inbox.file(new Inbox.Batch(refused, null), false, date, report);
        assertThat(failed.folder()).isEqualTo(folder.resolve("failed/2025-01-12"));
        assertThat(failed.folder().resolve("broken-models.csv")).exists();
        assertThat(failed.report()).isEqualTo(failed.folder().resolve("broken-models.report"));
    }
}
