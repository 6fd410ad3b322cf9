package io.catalogbatch.allocation.service;

import io.catalogbatch.allocation.domain.Product;
import io.catalogbatch.allocation.domain.UnknownSku;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The repository port of the allocation context (products by sku). It remembers every product it handed
 * out or was given, so that its unit of work can commit or roll back their changes and collect their
 * events; stores implement {@link #load} and {@link #skuOfBatch}.
 */
public abstract class Products {

    private final Map<String, Product> seen = new LinkedHashMap<>();

    public final void add(Product product) {
        seen.put(product.sku(), product);
    }

    /** The product of this sku, the same object for every call within one unit of work. */
    public final Optional<Product> get(String sku) {
        Product product = seen.get(sku);
        if (product != null) {
            return Optional.of(product);
        }
        Optional<Product> loaded = load(sku);
        loaded.ifPresent(found -> seen.put(sku, found));
        return loaded;
    }

    /** The product of this sku, or {@link UnknownSku}. */
    public final Product require(String sku) {
        return get(sku).orElseThrow(() -> UnknownSku.of(sku));
    }

    /** The product holding the batch with this ref, whatever its sku (refs are unique across skus). */
    public final Optional<Product> getByBatchref(String ref) {
        for (Product product : seen.values()) {
            if (product.batch(ref).isPresent()) {
                return Optional.of(product);
            }
        }
        return skuOfBatch(ref).flatMap(this::get).filter(product -> product.batch(ref).isPresent());
    }

    public final Collection<Product> seen() {
        return seen.values();
    }

    public final void forgetSeen() {
        seen.clear();
    }

    /** Reads one product from the store, as last committed. */
    protected abstract Optional<Product> load(String sku);

    /** The sku of the committed batch with this ref, if the store has one. */
    protected abstract Optional<String> skuOfBatch(String ref);
}
