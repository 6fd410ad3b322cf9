package io.catalogbatch.catalog.entrypoints.batch;

import io.catalogbatch.shared.batch.CommandWriter;
import io.catalogbatch.shared.batch.RowCommand;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The restart tests' fault, wired in tests only: with {@code -Dcatalog-batch.fault.fail-after-line=N} (a system
 * property set by the test), the writer of an import step fails right after handling the row of line N of
 * either file, midway through its chunk, as a crash there would: the rows before it in the chunk were handled,
 * the chunk rolls back, the run fails. Found by the application's component scan of {@code io.catalogbatch}
 * whenever the test classes are on the class path (a run in the test's JVM); never in the application's jar.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(FailAfterLine.PROPERTY)
final class FailAfterLine {

    static final String PROPERTY = "catalog-batch.fault.fail-after-line";

    /** Each import step's writer, as its step makes it, with the fault in front. */
    @Bean
    static BeanPostProcessor writersFailingAfterLine(Environment environment) {
        long line = environment.getRequiredProperty(PROPERTY, Long.class);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof CommandWriter<?> writer ? failingAfter(writer, line) : bean;
            }
        };
    }

    /** The writer, with every interface it has, but a chunk holding the line is written up to it, then fails. */
    private static Object failingAfter(CommandWriter<?> writer, long line) {
        return Proxy.newProxyInstance(FailAfterLine.class.getClassLoader(),
                ClassUtils.getAllInterfaces(writer), (proxy, method, args) -> {
                    if (method.getName().equals("write") && args[0] instanceof Chunk<?> chunk) {
                        Chunk<Object> upToTheLine = upTo(chunk, line);
                        if (upToTheLine != null) {
                            invoke(writer, method, upToTheLine);
                            throw new IllegalStateException("fault injected after line " + line);
                        }
                    }
                    return invoke(writer, method, args);
                });
    }

    /** The items of the chunk up to the row of this line, or null when no row of the chunk is on it. */
    private static Chunk<Object> upTo(Chunk<?> chunk, long line) {
        List<Object> items = new ArrayList<>();
        for (Object item : chunk) {
            items.add(item);
            if (((RowCommand<?>) item).row().line() == line) {
                return new Chunk<>(items);
            }
        }
        return null;
    }

    private static Object invoke(Object target, Method method, Object... args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
