package io.catalogbatch.allocation.adapters.csv;

import io.catalogbatch.allocation.domain.Product;
import io.catalogbatch.allocation.domain.ProductChange;
import io.catalogbatch.allocation.service.AbstractAllocationUnitOfWork;
import java.util.List;

/**
 * A unit of work on an allocation folder: commit takes the accepted changes into the folder's working
 * state (O(changes), no file written); rollback undoes them in the live aggregates.
 */
public final class CsvAllocationUnitOfWork extends AbstractAllocationUnitOfWork {

    private final CsvAllocationFolder folder;

    CsvAllocationUnitOfWork(CsvAllocationFolder folder) {
        super(new CsvProducts(folder));
        this.folder = folder;
    }

    @Override
    protected void store(Product product, List<ProductChange> changes) {
        folder.stage(product, changes);
    }
}
