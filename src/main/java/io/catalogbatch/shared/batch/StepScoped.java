package io.catalogbatch.shared.batch;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;

/**
 * Spring Batch's step scope with an interface proxy, so that step-scoped beans can be final classes and
 * still be seen as the listeners they implement.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
public @interface StepScoped {
}
