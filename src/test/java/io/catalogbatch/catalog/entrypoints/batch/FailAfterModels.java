package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The migration restart test's fault, wired in tests only (as {@link FailAfterLine} is for imports): with
 * {@code -Dcatalog-batch.fault.fail-after-models=N} the migration's writer fails right after copying the N-th
 * model of the run, midway through its chunk; the chunk rolls back and the run fails.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(FailAfterModels.PROPERTY)
final class FailAfterModels {

    static final String PROPERTY = "catalog-batch.fault.fail-after-models";

    @Bean
    static BeanPostProcessor copyFailingAfterModels(Environment environment) {
        long models = environment.getRequiredProperty(PROPERTY, Long.class);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof CopyModelsWriter writer ? failingAfter(writer, models) : bean;
            }
        };
    }

    private static ItemWriter<ModelSnapshot> failingAfter(CopyModelsWriter writer, long models) {
        AtomicLong copied = new AtomicLong();
        return new ItemWriter<>() {
            @Override
            public void write(Chunk<? extends ModelSnapshot> chunk) throws Exception {
                List<ModelSnapshot> upToTheFault = new ArrayList<>();
                for (ModelSnapshot model : chunk) {
                    upToTheFault.add(model);
                    if (copied.incrementAndGet() == models) {
                        writer.write(new Chunk<>(upToTheFault));
                        throw new IllegalStateException("fault injected after " + models + " models");
                    }
                }
                writer.write(chunk);
            }
        };
    }
}
