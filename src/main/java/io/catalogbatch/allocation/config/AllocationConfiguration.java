package io.catalogbatch.allocation.config;

import io.catalogbatch.allocation.adapters.csv.CsvAllocationFolder;
import io.catalogbatch.allocation.service.AllocationStores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The allocation context's composition root: the store an allocation run keeps its state in. */
@Configuration(proxyBeanMethods = false)
public class AllocationConfiguration {

    @Bean
    AllocationStores allocationStores() {
        return CsvAllocationFolder::open;
    }
}
