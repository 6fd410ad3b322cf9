package io.catalogbatch.allocation.adapters.csv;

import io.catalogbatch.allocation.domain.Product;
import io.catalogbatch.allocation.service.Products;
import java.util.Optional;

/** The products of an allocation folder: the live aggregates the folder holds in memory for the run. */
final class CsvProducts extends Products {

    private final CsvAllocationFolder folder;

    CsvProducts(CsvAllocationFolder folder) {
        this.folder = folder;
    }

    @Override
    protected Optional<Product> load(String sku) {
        return folder.committedProduct(sku);
    }

    @Override
    protected Optional<String> skuOfBatch(String ref) {
        return folder.skuOfBatch(ref);
    }
}
