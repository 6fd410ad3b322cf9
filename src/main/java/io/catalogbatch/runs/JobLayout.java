package io.catalogbatch.runs;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What {@code history} needs to know of a job to describe its runs from the job repository alone: the steps
 * whose rows it counts (none named: all of them), the job parameters naming its input files, in the order they
 * are listed (other {@code *.file} parameters follow by name), and the one naming its input folder, shown when it
 * names no file ({@code ""}: none). Each context says it of its own jobs; a job without one gets {@link #of}.
 */
public record JobLayout(String jobName, Set<String> rowSteps, List<String> inputFiles, String inputFolder) {

    public JobLayout {
        rowSteps = Set.copyOf(rowSteps);
        inputFiles = List.copyOf(inputFiles);
    }

    /** A job that counts the rows of all its steps and names its input files by {@code *.file} parameters. */
    public static JobLayout of(String jobName) {
        return new JobLayout(jobName, Set.of(), List.of(), "");
    }

    boolean countsRows(String stepName) {
        return rowSteps.isEmpty() || rowSteps.contains(stepName);
    }

    /** Input files first in the order named, then the other {@code *.file} parameters by name. */
    Comparator<String> fileOrder() {
        return Comparator.comparing((String name) -> inputFiles.contains(name) ? inputFiles.indexOf(name)
                : inputFiles.size()).thenComparing(Comparator.naturalOrder());
    }
}
