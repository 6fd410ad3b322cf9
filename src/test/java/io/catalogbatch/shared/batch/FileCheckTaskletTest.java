package io.catalogbatch.shared.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.shared.faults.FaultPause;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

class FileCheckTaskletTest {

    @TempDir
    Path dir;
    @TempDir
    Path signals;

    @Test
    void checks_its_file_while_the_next_file_is_checked_ahead() throws Exception {
        FileCheck models = file("models", "name\norg/a\norg/b\n");
        FileCheck tags = file("tags", "name\norg/a\n");
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        new FileCheckTasklet(new InputFileFacts("models"), models, tags)
                .execute(new StepContribution(step), new ChunkContext(new StepContext(step)));
        assertThat(step.getJobExecution().getExecutionContext().getLong("models.file.rows")).isEqualTo(2);
        assertThat(tags.checked().rows()).isEqualTo(1);
    }

    /**
     * A refused models file ends the run: the tags file's check, started ahead, stops reading. The check is held
     * before its first row until the models file is refused (it would else race the refusal, and win on a busy
     * machine: then nothing is cancelled).
     */
    @Test
    void a_refused_file_cancels_the_check_of_the_next() throws Exception {
        FileCheck models = file("models", "name\norg/a\n\"never closed\n");
        FileCheck tags = file("tags", "name\norg/a\norg/b\n");
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        StepContribution contribution = new StepContribution(step);
        try (FaultPause aheadCheck = FaultPause.at("ahead-check-started", signals).armHere()) {
            new FileCheckTasklet(new InputFileFacts("models"), models, tags)
                    .execute(contribution, new ChunkContext(new StepContext(step)));
            aheadCheck.resume();

            assertThat(contribution.getExitStatus()).isEqualTo(FileCheckTasklet.REFUSED);
            assertThatThrownBy(tags::checked).isInstanceOf(CancellationException.class);
        }
    }

    private FileCheck file(String role, String content) throws Exception {
        return ImportedFileTest.namesFile(role, Files.writeString(dir.resolve(role + ".csv"), content),
                dir.resolve(role + ".errors.csv")).check();
    }
}
