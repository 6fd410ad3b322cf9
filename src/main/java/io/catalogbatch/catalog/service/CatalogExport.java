package io.catalogbatch.catalog.service;

import java.io.IOException;
import java.nio.file.Path;

/** Writes the whole catalog as {@code models.csv} and {@code tags.csv} into a folder. */
@FunctionalInterface
public interface CatalogExport {

    /** The files an export wrote, and how many rows each holds (the header aside). */
    record Written(Path models, long modelRows, Path tags, long tagRows) {
    }

    Written export(Path folder, ExportFlavour flavour) throws IOException;
}
