package io.catalogbatch.shared.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvRow;
import io.catalogbatch.shared.domain.Command;
import io.catalogbatch.shared.domain.Event;
import io.catalogbatch.shared.domain.InvalidValue;
import io.catalogbatch.shared.service.MessageBus;
import io.catalogbatch.shared.service.UnitOfWork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;

/**
 * The parts of an import step over one file (reader, processor, writer) and what they share: duplicates are
 * found whether the file was checked first (a run) or not (a restarted run).
 */
class ImportedFileTest {

    record Named(String name) implements Command {
    }

    /** A unit of work with nothing to commit: the bus only hands the commands to the test's handler. */
    static final class NothingToCommit implements UnitOfWork {
        @Override
        public void commit() {
        }

        @Override
        public void close() {
        }

        @Override
        public List<Event> collectNewEvents() {
            return List.of();
        }
    }

    @TempDir
    Path dir;

    @Test
    void after_the_check_a_repeated_key_is_still_a_duplicate_of_its_first_accepted_row() throws Exception {
        ImportedFile<Named> file = file("name\norg/a\norg/b\nbad!\nBAD!\nORG/A\norg/c\norg/b\n");
        assertThat(file.check().checked().rows()).isEqualTo(7);
        assertThat(imported(file)).containsExactly("org/a", "org/b", "org/c");
        assertThat(Files.readString(dir.resolve("errors.csv")))
                .contains("4,bad-value,name").contains("5,bad-value,name")
                .contains("6,duplicate,name,line 2 already has this name")
                .contains("8,duplicate,name,line 3 already has this name");
    }

    @Test
    void a_file_of_unique_keys_remembers_none_of_them() throws Exception {
        ImportedFile<Named> file = file("name\norg/a\norg/b\norg/c\n");
        file.check().checked();
        assertThat(imported(file)).containsExactly("org/a", "org/b", "org/c");
        assertThat(file.rememberedKeys()).isZero();
    }

    /** A restarted run: the check step does not run again, and the rows committed before are replayed. */
    @Test
    void without_the_check_the_import_step_reads_the_file_for_its_keys_first() throws Exception {
        ImportedFile<Named> file = file("name\norg/a\norg/b\nORG/A\norg/c\n");
        ExecutionContext restarted = new ExecutionContext();
        restarted.putLong("models.rows", 1); // org/a was committed by the failed run
        assertThat(imported(file, restarted)).containsExactly("org/b", "org/c");
        assertThat(Files.readString(dir.resolve("errors.csv"))).contains("4,duplicate,name,line 2 already has this name");
        assertThat(file.rememberedKeys()).as("only the repeated key").isEqualTo(1);
    }

    /** Which keys repeat was learnt from the file as checked: a file written since is not imported. */
    @Test
    void a_file_changed_after_its_check_is_not_imported() throws Exception {
        ImportedFile<Named> file = file("name\norg/a\n");
        file.check().checked();
        Files.writeString(file.file(), "name\norg/a\nORG/A\n");
        FileTime checkedAt = Files.getLastModifiedTime(file.file());
        Files.setLastModifiedTime(file.file(), FileTime.fromMillis(checkedAt.toMillis() + 60_000));
        assertThatThrownBy(() -> file.beforeStep(MetaDataInstanceFactory.createStepExecution()))
                .hasMessageContaining("models.csv changed after this run checked it")
                .hasMessageContaining("nothing of it was imported");
    }

    @Test
    void the_writer_counts_the_rows_it_rejected_in_the_context_it_saves_with_the_readers_position()
            throws Exception {
        ImportedFile<Named> file = file("name\norg/a\nORG/A\norg/b\nORG/B\n");
        ExecutionContext context = new ExecutionContext();
        imported(file, context);
        assertThat(context.getLong(CommandWriter.REJECTED_BY_HANDLERS)).isEqualTo(2);
        assertThat(context.getLong("models.rows")).isEqualTo(4);

        ExecutionContext none = new ExecutionContext();
        imported(file("name\norg/a\n"), none);
        assertThat(none.containsKey(CommandWriter.REJECTED_BY_HANDLERS)).as("no key when none was rejected").isFalse();
    }

    private ImportedFile<Named> file(String content) throws Exception {
        return namesFile("models", Files.writeString(dir.resolve("models.csv"), content), dir.resolve("errors.csv"));
    }

    /** A file of names (column {@code name}), a row's key its name in lower case; a name ending in ! is invalid. */
    static ImportedFile<Named> namesFile(String role, Path csv, Path rejects) {
        return new ImportedFile<>(role, csv, CsvReadOptions.utf8(Set.of("name"), Set.of("name")), rejects,
                ImportedFileTest::named, Named::name, row -> named(row).name(), "name", Map.of());
    }

    private static Named named(CsvRow row) {
        String name = row.get("name").strip();
        if (name.endsWith("!")) {
            throw new InvalidValue("bad-value", "name", "no exclamation marks");
        }
        return new Named(name.toLowerCase(Locale.ROOT));
    }

    /** Runs the file through its step's parts as one chunk; the names handed to the bus. */
    private static List<String> imported(ImportedFile<Named> file) throws Exception {
        return imported(file, new ExecutionContext());
    }

    private static List<String> imported(ImportedFile<Named> file, ExecutionContext context) throws Exception {
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        List<String> handled = new ArrayList<>();
        MessageBus bus = MessageBus.builder(new NothingToCommit())
                .command(Named.class, command -> handled.add(command.name())).build();
        file.beforeStep(step);
        CsvRowReader reader = new CsvRowReader(file.file(), file.role(), file.options(), file);
        RowToCommandProcessor<Named> processor = new RowToCommandProcessor<>(file);
        CommandWriter<Named> writer = new CommandWriter<>(bus, commands -> { }, file);
        reader.open(context);
        writer.open(context);
        Chunk<RowCommand<Named>> chunk = new Chunk<>();
        for (CsvRow row = reader.read(); row != null; row = reader.read()) {
            RowCommand<Named> command = processor.process(row);
            if (command != null) {
                chunk.add(command);
            }
        }
        writer.write(chunk);
        reader.update(context);
        writer.update(context);
        reader.close();
        writer.close();
        file.afterStep(step);
        return handled;
    }
}
