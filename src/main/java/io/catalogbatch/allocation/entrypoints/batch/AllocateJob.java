package io.catalogbatch.allocation.entrypoints.batch;

import io.catalogbatch.runs.RunReportFolder;
import io.catalogbatch.shared.batch.InputFileFacts;
import java.util.List;

/** The names the allocation job and its command share: job, step, parameters, input files. */
public final class AllocateJob {

    public static final String JOB_NAME = "allocateJob";
    public static final String STEP = "allocateStep";
    public static final String DIR = "dir";
    public static final String CHARSET = "charset";
    public static final String REPORT_DIR = RunReportFolder.REPORT_DIR;
    public static final List<InputFileFacts> FILES = List.of(new InputFileFacts("batches"),
            new InputFileFacts("allocations"), new InputFileFacts("orders"));

    private AllocateJob() {
    }
}
