package io.catalogbatch.allocation.entrypoints.batch;

import io.catalogbatch.runs.JobLayout;
import io.catalogbatch.runs.RunReportFolder;
import io.catalogbatch.shared.batch.InputFileFacts;
import java.util.List;
import java.util.Set;

/** The names the allocation job and its command share: job, step, parameters, input files. */
public final class AllocateJob {

    public static final String JOB_NAME = "allocateJob";
    public static final String STEP = "allocateStep";
    public static final String DIR = "dir";
    public static final String CHARSET = "charset";
    public static final String REPORT_DIR = RunReportFolder.REPORT_DIR;
    public static final List<InputFileFacts> FILES = List.of(new InputFileFacts("batches"),
            new InputFileFacts("allocations"), new InputFileFacts("orders"));
    /** For {@code history}: a run's input is its folder. */
    public static final JobLayout LAYOUT = new JobLayout(JOB_NAME, Set.of(), List.of(), DIR);

    private AllocateJob() {
    }
}
