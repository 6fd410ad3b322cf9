package io.catalogbatch.shared.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.catalogbatch.shared.csv.CsvFileRefused;
import io.catalogbatch.shared.csv.CsvReadOptions;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckTest {

    @TempDir
    Path dir;

    @Test
    void a_check_started_ahead_gives_what_a_check_now_gives() throws Exception {
        for (boolean ahead : new boolean[] {true, false}) {
            FileCheck check = check("name\norg/a\nORG/A\norg/b\n");
            if (ahead) {
                check.checkAhead();
            }
            FileCheck.Checked checked = check.checked();
            assertThat(checked.rows()).isEqualTo(3);
            assertThat(checked.encoding()).isEqualTo("UTF-8");
            assertThat(checked.delimiterName()).isEqualTo("comma");
            assertThat(checked.repeatedKeys().mayRepeat("org/a")).as("ahead: %s", ahead).isTrue();
            assertThat(checked.repeatedKeys().count()).isEqualTo(1);
        }
    }

    @Test
    void a_check_started_ahead_refuses_a_broken_file_as_a_check_now_would() throws Exception {
        for (boolean ahead : new boolean[] {true, false}) {
            FileCheck check = check("name\norg/a\n\"never closed\n");
            if (ahead) {
                check.checkAhead();
            }
            CsvFileRefused refused = catchThrowableOfType(CsvFileRefused.class, check::checked);
            assertThat(refused.line()).as("ahead: %s", ahead).isEqualTo(3);
        }
    }

    @Test
    void a_check_started_ahead_of_a_missing_file_says_which_file() throws Exception {
        FileCheck check = check("name\n");
        Files.delete(check.file());
        check.checkAhead();
        assertThatThrownBy(check::checked).isInstanceOf(UncheckedIOException.class).hasMessageContaining("models.csv");
    }

    @Test
    void a_cancelled_check_stops_reading() throws Exception {
        FileCheck check = check("name\norg/a\norg/b\n");
        check.cancel();
        check.checkAhead();
        assertThatThrownBy(check::checked).isInstanceOf(CancellationException.class).hasMessageContaining("models.csv");
    }

    @Test
    void a_file_written_after_its_check_is_noticed() throws Exception {
        FileCheck check = check("name\norg/a\n");
        check.checked();
        check.requireUnchanged();
        Files.writeString(check.file(), "name\norg/a\nORG/A\n");
        FileTime checkedAt = Files.getLastModifiedTime(check.file());
        Files.setLastModifiedTime(check.file(), FileTime.fromMillis(checkedAt.toMillis() + 60_000));
        assertThatThrownBy(check::requireUnchanged).hasMessageContaining("models.csv changed after this run checked it");
    }

    private FileCheck check(String content) throws Exception {
        return new FileCheck(Files.writeString(dir.resolve("models.csv"), content),
                CsvReadOptions.utf8(Set.of("name"), Set.of("name")),
                row -> row.get("name").strip().toLowerCase(Locale.ROOT), dir);
    }
}
