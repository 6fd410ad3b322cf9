package io.catalogbatch.runs;

import io.catalogbatch.shared.jdbc.UrlSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs recorded before passwords were masked: their parameters hold a location with its password in clear
 * ({@code catalog=jdbc:postgresql://h/db?user=u&password=s}), where a run now records it masked. Running the same
 * command again must still find such a run, to resume it if it failed. {@link #adopt} finds the run whose
 * parameters mask to the ones asked for, and rewrites its record in the masked form (its parameters and its job
 * key), so that Spring Batch restarts it as any other run, and the job repository no longer holds the password.
 */
final class UnmaskedRuns {

    private final JobRepository repository;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String prefix;

    private UnmaskedRuns(ConfigurableApplicationContext context) {
        this.repository = context.getBean(JobRepository.class);
        DataSource dataSource = context.getBean(DataSource.class);
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        String configured = context.getBeanProvider(BatchJdbcProperties.class).stream()
                .map(BatchJdbcProperties::getTablePrefix).filter(Objects::nonNull).findFirst().orElse(null);
        this.prefix = configured == null ? "BATCH_" : configured;
    }

    /**
     * The last execution of the run of {@code jobName} recorded with a password where {@code masked} (for which no
     * run is recorded) holds it masked; that run's record now in the masked form. Empty when there is none.
     */
    static Optional<JobExecution> adopt(ConfigurableApplicationContext context, String jobName,
                                        JobParameters masked) {
        Optional<JobParameter<?>> secretive = masked.getIdentifyingParameters().stream()
                .filter(parameter -> parameter.value() instanceof String text && text.contains(UrlSecrets.MASK))
                .findFirst();
        if (secretive.isEmpty()) {
            return Optional.empty(); // a run recorded with a password would mask it: it cannot match
        }
        return new UnmaskedRuns(context).adopt(jobName, masked, secretive.get());
    }

    private Optional<JobExecution> adopt(String jobName, JobParameters masked, JobParameter<?> secretive) {
        String key = new DefaultJobKeyGenerator().generateKey(masked);
        List<Long> candidates = new ArrayList<>();
        jdbc.query("SELECT DISTINCT e.JOB_INSTANCE_ID, p.PARAMETER_VALUE FROM " + prefix + "JOB_EXECUTION_PARAMS p"
                        + " JOIN " + prefix + "JOB_EXECUTION e ON e.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID"
                        + " JOIN " + prefix + "JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                        + " WHERE i.JOB_NAME = ? AND p.PARAMETER_NAME = ? AND p.PARAMETER_VALUE <> ?"
                        + " ORDER BY e.JOB_INSTANCE_ID DESC",
                row -> {
                    if (UrlSecrets.masked(row.getString(2)).equals(secretive.value())) {
                        candidates.add(row.getLong(1));
                    }
                }, jobName, secretive.name(), secretive.value());
        for (long id : candidates) {
            JobInstance instance = repository.getJobInstance(id);
            JobExecution last = instance == null ? null : repository.getLastJobExecution(instance);
            if (last != null && new DefaultJobKeyGenerator().generateKey(masked(last.getJobParameters())).equals(key)) {
                rewrite(instance, key);
                return Optional.ofNullable(repository.getLastJobExecution(jobName, masked));
            }
        }
        return Optional.empty();
    }

    /** Every string parameter of every execution of the run masked, and the run's key that of the masked ones. */
    private void rewrite(JobInstance instance, String key) {
        try {
            transaction.executeWithoutResult(status -> {
                List<Map<String, Object>> parameters = jdbc.queryForList("SELECT p.JOB_EXECUTION_ID,"
                        + " p.PARAMETER_NAME, p.PARAMETER_VALUE FROM " + prefix + "JOB_EXECUTION_PARAMS p JOIN "
                        + prefix + "JOB_EXECUTION e ON e.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID"
                        + " WHERE e.JOB_INSTANCE_ID = ?", instance.getInstanceId());
                for (Map<String, Object> parameter : parameters) {
                    String value = (String) parameter.get("PARAMETER_VALUE"); // a case-insensitive map
                    if (value != null && !UrlSecrets.masked(value).equals(value)) {
                        jdbc.update("UPDATE " + prefix + "JOB_EXECUTION_PARAMS SET PARAMETER_VALUE = ?"
                                        + " WHERE JOB_EXECUTION_ID = ? AND PARAMETER_NAME = ?",
                                UrlSecrets.masked(value), parameter.get("JOB_EXECUTION_ID"),
                                parameter.get("PARAMETER_NAME"));
                    }
                }
                jdbc.update("UPDATE " + prefix + "JOB_INSTANCE SET JOB_KEY = ? WHERE JOB_INSTANCE_ID = ?", key,
                        instance.getInstanceId());
            });
        } catch (DataAccessException e) {
            throw new IllegalStateException("the last run of this command was recorded by an earlier version with "
                    + "the password in its parameters (job instance " + instance.getInstanceId() + "), and its "
                    + "record could not be rewritten without it (" + Failures.rootMessage(e) + "); make the job "
                    + "repository writable and run the same command again, or give the password another way "
                    + "(~/.pgpass) to start a new run", e);
        }
    }

    private static JobParameters masked(JobParameters parameters) {
        List<JobParameter<?>> masked = new ArrayList<>();
        for (JobParameter<?> parameter : parameters.parameters()) {
            masked.add(parameter.value() instanceof String text
                    ? new JobParameter<>(parameter.name(), UrlSecrets.masked(text), String.class,
                    parameter.identifying())
                    : parameter);
        }
        return new JobParameters(Set.copyOf(masked));
    }
}
