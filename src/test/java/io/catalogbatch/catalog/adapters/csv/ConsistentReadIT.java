package io.catalogbatch.catalog.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a reader without the lock reads the journal, and when it reads again. */
class ConsistentReadIT {

    @TempDir
    Path folder;

    private final List<Boolean> reads = new ArrayList<>();

    private void write(String file, String text) throws IOException {
        Files.writeString(folder.resolve(file), text);
    }

    @Test
    void a_read_of_unchanged_files_is_done_once_without_the_journal() throws Exception {
        write(CatalogCsvLayout.MODELS_FILE, "name\n");

        ConsistentRead.repeatWhileChanged(folder, reads::add);

        assertThat(reads).containsExactly(false);
    }

    @Test
    void the_journal_of_a_killed_writer_counts_and_that_of_a_running_one_does_not() throws Exception {
        write(CatalogJournal.FILE, "C,0\n");
        ConsistentRead.repeatWhileChanged(folder, reads::add);

        try (CatalogLock writer = CatalogLock.acquire(folder)) {
            ConsistentRead.repeatWhileChanged(folder, reads::add);
        }

        assertThat(reads).containsExactly(true, false);
    }

    @Test
    void while_the_files_are_replaced_the_journal_counts_even_with_the_writer_running() throws Exception {
        write(CatalogJournal.FILE, "C,0\n");
        write(CatalogFiles.COMPACTING, "");

        try (CatalogLock writer = CatalogLock.acquire(folder)) {
            ConsistentRead.repeatWhileChanged(folder, reads::add);
        }

        assertThat(reads).containsExactly(true);
    }

    @Test
    void a_read_during_which_a_file_was_replaced_is_done_again() throws Exception {
        write(CatalogCsvLayout.TAGS_FILE, "model,tag\n");

        ConsistentRead.repeatWhileChanged(folder, withJournal -> {
            reads.add(withJournal);
            if (reads.size() == 1) {
                write(CatalogCsvLayout.TAGS_FILE, "model,tag\nm,t\n");
            }
        }, 5, 1);

        assertThat(reads).hasSize(2);
    }

    @Test
    void a_read_during_which_the_rewrite_began_is_done_again_with_the_journal() throws Exception {
        write(CatalogJournal.FILE, "C,0\n");

        try (CatalogLock writer = CatalogLock.acquire(folder)) {
            ConsistentRead.repeatWhileChanged(folder, withJournal -> {
                reads.add(withJournal);
                if (reads.size() == 1) {
                    write(CatalogFiles.COMPACTING, "");
                }
            }, 5, 1);
        }

        assertThat(reads).containsExactly(false, true);
    }

    @Test
    void a_folder_that_keeps_changing_is_given_up_on_with_a_reason() {
        assertThatThrownBy(() -> ConsistentRead.repeatWhileChanged(folder, withJournal -> {
            reads.add(withJournal);
            write(CatalogCsvLayout.MODELS_FILE, "name\n" + "m\n".repeat(reads.size()));
        }, 3, 1)).isInstanceOf(IOException.class).hasMessageContaining("kept changing while it was read");

        assertThat(reads).hasSize(3);
    }
}
