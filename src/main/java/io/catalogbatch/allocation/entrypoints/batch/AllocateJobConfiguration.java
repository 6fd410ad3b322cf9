package io.catalogbatch.allocation.entrypoints.batch;

import static io.catalogbatch.allocation.entrypoints.batch.AllocateJob.CHARSET;
import static io.catalogbatch.allocation.entrypoints.batch.AllocateJob.DIR;
import static io.catalogbatch.allocation.entrypoints.batch.AllocateJob.FILES;
import static io.catalogbatch.allocation.entrypoints.batch.AllocateJob.JOB_NAME;
import static io.catalogbatch.allocation.entrypoints.batch.AllocateJob.REPORT_DIR;
import static io.catalogbatch.allocation.entrypoints.batch.AllocateJob.STEP;

import io.catalogbatch.allocation.service.AllocationStores;
import io.catalogbatch.shared.batch.ChangesFile;
import io.catalogbatch.shared.batch.FileCheckTasklet;
import io.catalogbatch.shared.batch.InputFileFacts;
import io.catalogbatch.shared.batch.RejectsFile;
import io.catalogbatch.shared.csv.CsvFileRefused;
import io.catalogbatch.shared.csv.CsvReadOptions;
import io.catalogbatch.shared.csv.CsvSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The allocation job (SPEC §2): one step that loads the folder once, applies every order line and writes
 * {@code allocations.csv} once, atomically. Nothing is written before the end, so a failed run is simply
 * run again from the start (the step is restartable as a whole). Rejected rows go to
 * {@code batches.errors.csv}, {@code allocations.errors.csv} and {@code orders.errors.csv}.
 */
@Configuration(proxyBeanMethods = false)
public class AllocateJobConfiguration {

    @Bean
    Job allocateJob(JobRepository jobRepository, Step allocateStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(allocateStep).build();
    }

    @Bean
    @JobScope
    Step allocateStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                      AllocationStores stores,
                      @Value("#{jobParameters['" + DIR + "']}") String dir,
                      @Value("#{jobParameters['" + CHARSET + "'] ?: 'UTF-8'}") String charset,
                      @Value("#{jobParameters['" + REPORT_DIR + "']}") String reportDir) {
        Path report = Path.of(reportDir);
        Charset withoutBom = Charset.forName(charset);
        return new StepBuilder(STEP, jobRepository).tasklet((contribution, chunkContext) -> {
            ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution()
                    .getExecutionContext();
            ErrorFiles errors = new ErrorFiles(report, withoutBom);
            ChangesFile changes = new ChangesFile(report.resolve("changes.csv"), AllocationChanges.COLUMNS);
            try {
                AllocationRunOutcome outcome = AllocateFromCsv.run(stores, Path.of(dir), withoutBom,
                        List.of(new AllocationChanges(changes)), errors::reject);
                record(job, FILES.get(0), outcome.batches());
                record(job, FILES.get(1), outcome.existingAllocations());
                record(job, FILES.get(2), outcome.orders());
            } catch (CsvFileRefused refused) {
                changes.discardPending(); // nothing of this run is kept, so nothing of it is reported changed
                String name = refused.file().getFileName().toString();
                FILES.stream().filter(f -> name.equals(f.role() + ".csv")).findFirst().orElse(FILES.get(0))
                        .recordRefused(job, refused.reason(), refused.line(), refused.getMessage());
                contribution.setExitStatus(FileCheckTasklet.REFUSED);
            } finally {
                errors.close();
                closeAfterTransaction(changes); // registered last: runs after the file wrote its lines
            }
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    /** The change lines are written when the step's transaction commits; the file closes after that. */
    private static void closeAfterTransaction(ChangesFile changes) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                try {
                    changes.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    private static void record(ExecutionContext job, InputFileFacts facts, FileOutcome outcome) {
        if (outcome.present()) {
            facts.recordChecked(job, outcome.read(), outcome.encoding(), outcome.delimiter());
        }
    }

    /** One errors file per input file, opened on its first rejected row (with that file's header). */
    private static final class ErrorFiles {
        private final Path report;
        private final Charset charset;
        private final Map<Path, RejectsFile> files = new HashMap<>();

        ErrorFiles(Path report, Charset charset) {
            this.report = report;
            this.charset = charset;
        }

        void reject(RejectedRow rejected) {
            files.computeIfAbsent(rejected.file(), this::open)
                    .reject(rejected.row(), rejected.reason(), rejected.field(), rejected.message());
        }

        private RejectsFile open(Path input) {
            String name = input.getFileName().toString();
            CsvReadOptions options = switch (name) {
                case AllocationFiles.BATCHES_FILE -> AllocationFiles.batchesOptions(charset);
                case AllocationFiles.ORDERS_FILE -> AllocationFiles.ordersOptions(charset);
                default -> AllocationFiles.allocationsOptions(charset);
            };
            try (CsvSource source = CsvSource.open(input, options)) {
                return new RejectsFile(report.resolve(name.replace(".csv", ".errors.csv")), source.header());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() throws IOException {
            for (Map.Entry<Path, RejectsFile> file : files.entrySet()) {
                file.getValue().close();
                RejectsFile.sortByLine(file.getValue().file());
            }
        }
    }
}
