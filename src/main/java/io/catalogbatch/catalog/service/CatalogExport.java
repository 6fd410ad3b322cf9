package io.catalogbatch.catalog.service;

import java.io.IOException;
import java.nio.file.Path;

/** Writes the whole catalog as {@code models.csv} and {@code tags.csv} into a folder. */
@FunctionalInterface
public interface CatalogExport {

    void export(Path folder, ExportFlavour flavour) throws IOException;
}
