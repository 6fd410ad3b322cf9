package io.catalogbatch.catalog.service;

import io.catalogbatch.shared.service.UnitOfWork;

/** The unit of work of the catalog: one atomic change to its models. */
public interface CatalogUnitOfWork extends UnitOfWork {

    Models models();
}
