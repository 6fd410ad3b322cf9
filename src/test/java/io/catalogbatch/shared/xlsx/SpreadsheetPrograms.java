package io.catalogbatch.shared.xlsx;

import io.catalogbatch.shared.services.Programs;
import io.catalogbatch.shared.services.RequiredServices;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The real programs business users have, driven headless to re-save a workbook as xlsx: LibreOffice Calc
 * ({@code soffice}) and Gnumeric ({@code ssconvert}). Where one is missing the test is skipped with a notice, or
 * fails when {@code catalog-batch.require-services=true} (CI installs both).
 */
public final class SpreadsheetPrograms {

    public static final String INSTALL = "Install it (Debian: apt-get install libreoffice-calc-nogui gnumeric).";

    private SpreadsheetPrograms() {
    }

    /** The workbook as LibreOffice Calc saves it again, in {@code work/lo/} (its own profile: no lock to hang on). */
    public static Path resavedByLibreOffice(Path workbook, Path work) throws IOException, InterruptedException {
        Path soffice = RequiredServices.program("soffice", "LibreOffice Calc (soffice)", INSTALL);
        Path out = work.resolve("lo");
        Programs.run(work, List.of(soffice.toString(), "-env:UserInstallation=" + work.resolve("lo-profile").toUri(),
                "--headless", "--convert-to", "xlsx", "--outdir", out.toString(), workbook.toString()));
        return out.resolve(workbook.getFileName().toString());
    }

    /** The workbook as Gnumeric's {@code ssconvert} saves it again, as {@code work/gnumeric.xlsx}. */
    public static Path resavedByGnumeric(Path workbook, Path work) throws IOException, InterruptedException {
        Path ssconvert = RequiredServices.program("ssconvert", "Gnumeric (ssconvert)", INSTALL);
        Path out = work.resolve("gnumeric.xlsx");
        Programs.run(work, List.of(ssconvert.toString(), workbook.toString(), out.toString()));
        return out;
    }
}
