package io.catalogbatch.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The report folder of a run: the one the user named, the one of the run being resumed (so a restarted
 * run completes its own report), or a new {@code ./runs/<time>-<id>/}. A new run in a folder that holds
 * an earlier run's report starts from a clean report (only the report's own files are removed).
 */
public record RunReportFolder(Path path) {

    /** Non-identifying job parameter of every job that reports: the folder its report files go into. */
    public static final String REPORT_DIR = "report.dir";

    public static final List<String> REPORT_FILES = List.of("summary.json", "models.errors.csv", "tags.errors.csv",
            "models.errors.xlsx", "tags.errors.xlsx", "changes.csv", "run.log");

    /**
     * Key of the job execution context that records where the report folder went when it was moved after the
     * run ({@code watch} files it beside the input files); {@code history} shows that place.
     */
    public static final String MOVED_TO = "report.dir.moved";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public static RunReportFolder choose(Path requested, JobRuns.Plan plan) throws IOException {
        return choose(requested, plan, Path.of("runs"));
    }

    /** As {@link #choose(Path, JobRuns.Plan)}, with new folders made in {@code newFoldersIn}. */
    public static RunReportFolder choose(Path requested, JobRuns.Plan plan, Path newFoldersIn) throws IOException {
        Path folder;
        if (requested != null) {
            folder = requested;
        } else if (plan.resumes().isPresent()
                && plan.resumes().get().getJobParameters().getString(REPORT_DIR) != null) {
            folder = Path.of(plan.resumes().get().getJobParameters().getString(REPORT_DIR));
        } else {
            folder = newFoldersIn.resolve(LocalDateTime.now().format(TIME) + "-" + UUID.randomUUID().toString().substring(0, 6));
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException("the report folder " + folder + " is a file; name a folder with --report");
        }
        Files.createDirectories(folder);
        if (plan.resumes().isEmpty()) {
            for (String file : REPORT_FILES) {
                Files.deleteIfExists(folder.resolve(file));
            }
        }
        return new RunReportFolder(folder.toAbsolutePath().normalize());
    }
}
