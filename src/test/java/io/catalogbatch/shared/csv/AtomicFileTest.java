package io.catalogbatch.shared.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path folder;

    @Test
    void a_write_that_fails_halfway_leaves_the_target_as_it_was_and_no_temporary_file_and_names_the_target()
            throws IOException {
        Path target = folder.resolve("models.csv");
        Files.writeString(target, "old content\n");

        IOException failure = catchThrowableOfType(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half of the new con".getBytes());
            throw new IOException("No space left on device"); // what the operating system says, naming no file
        }));

        assertThat(failure).hasMessage("cannot write " + target + ": No space left on device");
        assertThat(Files.readString(target)).isEqualTo("old content\n");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
    }
}
