package io.catalogbatch.shared.batch;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a run learnt about one of its input files, kept in the job's execution context (so a restarted run
 * still knows it) under keys prefixed with the file's role ({@code models}, {@code tags}).
 */
public record InputFileFacts(String role) {

    public void recordChecked(ExecutionContext job, long rows, String encoding, String delimiter) {
        job.putLong(role + ".file.rows", rows);
        job.putString(role + ".file.encoding", encoding);
        job.putString(role + ".file.delimiter", delimiter);
    }

    public void recordRefused(ExecutionContext job, String reason, long line, String message) {
        job.putString(role + ".refused", reason);
        job.putLong(role + ".refused.line", line);
        job.putString(role + ".refused.message", message);
    }

    public long rows(ExecutionContext job) {
        return job.getLong(role + ".file.rows", -1L);
    }

    public String encoding(ExecutionContext job) {
        return job.getString(role + ".file.encoding", "");
    }

    public String delimiter(ExecutionContext job) {
        return job.getString(role + ".file.delimiter", "");
    }

    public String refusal(ExecutionContext job) {
        return job.getString(role + ".refused", "");
    }

    public long refusalLine(ExecutionContext job) {
        return job.getLong(role + ".refused.line", 0L);
    }

    public String refusalMessage(ExecutionContext job) {
        return job.getString(role + ".refused.message", "");
    }
}
