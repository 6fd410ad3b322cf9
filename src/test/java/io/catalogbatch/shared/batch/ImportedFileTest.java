package io.catalogbatch.shared.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.csv.CsvFileRefused;
import io.catalogbatch.shared.domain.Command;
import io.catalogbatch.shared.domain.InvalidValue;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;

/** Duplicates are found whether the file was checked first (a run) or not (a restarted run). */
class ImportedFileTest {

    record Named(String name) implements Command {
    }

    @TempDir
    Path dir;

    @Test
    void after_the_check_a_repeated_key_is_still_a_duplicate_of_its_first_accepted_row() throws Exception {
        ImportedFile file = file("name\norg/a\norg/b\nbad!\nBAD!\nORG/A\norg/c\norg/b\n");
        assertThat(file.checked().rows()).isEqualTo(7);
        assertThat(imported(file)).containsExactly("org/a", "org/b", "org/c");
        assertThat(Files.readString(dir.resolve("errors.csv")))
                .contains("4,bad-value,name").contains("5,bad-value,name")
                .contains("6,duplicate,name,line 2 already has this name")
                .contains("8,duplicate,name,line 3 already has this name");
    }

    @Test
    void a_check_started_ahead_gives_what_a_check_now_gives() throws Exception {
        ImportedFile file = file("name\norg/a\nORG/A\norg/b\n");
        file.checkAhead();
        ImportedFile.Checked checked = file.checked();
        assertThat(checked.rows()).isEqualTo(3);
        assertThat(checked.encoding()).isEqualTo("UTF-8");
        assertThat(checked.delimiterName()).isEqualTo("comma");
        assertThat(imported(file)).containsExactly("org/a", "org/b");
    }

    @Test
    void a_check_started_ahead_refuses_a_broken_file_as_a_check_now_would() throws Exception {
        for (boolean ahead : new boolean[] {true, false}) {
            ImportedFile file = file("name\norg/a\n\"never closed\n");
            if (ahead) {
                file.checkAhead();
            }
            CsvFileRefused refused = catchThrowableOfType(CsvFileRefused.class, file::checked);
            assertThat(refused.line()).as("ahead: %s", ahead).isEqualTo(3);
        }
    }

    @Test
    void a_check_started_ahead_of_a_missing_file_says_which_file() throws Exception {
        ImportedFile file = file("name\n");
        Files.delete(file.file());
        file.checkAhead();
        assertThatThrownBy(file::checked).isInstanceOf(UncheckedIOException.class).hasMessageContaining("models.csv");
    }

    @Test
    void a_file_of_unique_keys_remembers_none_of_them() throws Exception {
        ImportedFile file = file("name\norg/a\norg/b\norg/c\n");
        file.checked();
        assertThat(imported(file)).containsExactly("org/a", "org/b", "org/c");
        assertThat(file.rememberedKeys()).isZero();
    }

    /** A restarted run: the check step does not run again, and the rows committed before are replayed. */
    @Test
    void without_the_check_the_import_step_reads_the_file_for_its_keys_first() throws Exception {
        ImportedFile file = file("name\norg/a\norg/b\nORG/A\norg/c\n");
        ExecutionContext restarted = new ExecutionContext();
        restarted.putLong("models.rows", 1); // org/a was committed by the failed run
        assertThat(imported(file, restarted)).containsExactly("org/b", "org/c");
        assertThat(Files.readString(dir.resolve("errors.csv"))).contains("4,duplicate,name,line 2 already has this name");
        assertThat(file.rememberedKeys()).as("only the repeated key").isEqualTo(1);
    }

    @Test
    void a_cancelled_check_stops_reading() throws Exception {
        ImportedFile file = file("name\norg/a\norg/b\n");
        file.cancelCheck();
        file.checkAhead();
        assertThatThrownBy(file::checked).isInstanceOf(CancellationException.class).hasMessageContaining("models.csv");
    }

    /** Which keys repeat was learnt from the file as checked: a file written since is not imported. */
    @Test
    void a_file_changed_after_its_check_is_not_imported() throws Exception {
        ImportedFile file = file("name\norg/a\n");
        file.checked();
        Files.writeString(file.file(), "name\norg/a\nORG/A\n");
        FileTime checkedAt = Files.getLastModifiedTime(file.file());
        Files.setLastModifiedTime(file.file(), FileTime.fromMillis(checkedAt.toMillis() + 60_000));
        assertThatThrownBy(() -> file.beforeStep(MetaDataInstanceFactory.createStepExecution()))
                .hasMessageContaining("models.csv changed after this run checked it")
                .hasMessageContaining("nothing of it was imported");
    }

    private ImportedFile file(String content) throws Exception {
        return namesFile("models", Files.writeString(dir.resolve("models.csv"), content), dir.resolve("errors.csv"));
    }

    /** A file of names (column {@code name}), a row's key its name in lower case; a name ending in ! is invalid. */
    static ImportedFile namesFile(String role, Path csv, Path rejects) {
        return new ImportedFile(role, csv, CsvReadOptions.utf8(Set.of("name"), Set.of("name")), rejects,
                ImportedFileTest::named, command -> ((Named) command).name(), row -> named(row).name(), "name",
                Map.of());
    }

    private static Named named(CsvRow row) {
        String name = row.get("name").strip();
        if (name.endsWith("!")) {
            throw new InvalidValue("bad-value", "name", "no exclamation marks");
        }
        return new Named(name.toLowerCase(Locale.ROOT));
    }

    /** Runs the file through its step's parts as one chunk; the names handed to the bus. */
    private static List<String> imported(ImportedFile file) throws Exception {
        return imported(file, new ExecutionContext());
    }

    private static List<String> imported(ImportedFile file, ExecutionContext context) throws Exception {
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        file.beforeStep(step);
        CsvRowReader reader = file.reader();
        reader.open(context);
        Chunk<RowCommand> chunk = new Chunk<>();
        for (CsvRow row = reader.read(); row != null; row = reader.read()) {
            RowCommand command = file.processor().process(row);
            if (command != null) {
                chunk.add(command);
            }
        }
        List<String> handled = new ArrayList<>();
        file.writer(command -> handled.add(((Named) command).name()), commands -> { }, 0).write(chunk);
        reader.close();
        file.afterStep(step);
        return handled;
    }
}
