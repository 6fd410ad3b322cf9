package io.catalogbatch.shared.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** A refused models file ends the run: the tags file's check, started ahead, stops reading. */
    @Test
    void a_refused_file_cancels_the_check_of_the_next() throws Exception {
        FileCheck models = file("models", "name\norg/a\n\"never closed\n");
        StringBuilder many = new StringBuilder("name\n");
        for (int i = 0; i < 500_000; i++) {
            many.append("org/model-").append(i).append('\n');
        }
        FileCheck tags = file("tags", many.toString());
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        StepContribution contribution = new StepContribution(step);
        new FileCheckTasklet(new InputFileFacts("models"), models, tags)
                .execute(contribution, new ChunkContext(new StepContext(step)));
        assertThat(contribution.getExitStatus()).isEqualTo(FileCheckTasklet.REFUSED);
        assertThatThrownBy(tags::checked).isInstanceOf(CancellationException.class);
    }

    private FileCheck file(String role, String content) throws Exception {
        return ImportedFileTest.namesFile(role, Files.writeString(dir.resolve(role + ".csv"), content),
                dir.resolve(role + ".errors.csv")).check();
    }
}
