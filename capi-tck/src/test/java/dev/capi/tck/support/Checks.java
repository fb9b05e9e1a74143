package dev.capi.tck.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The inventory rows ({@code "METHOD /path"} as in {@code endpoints.tsv}) a test class or method checks. A test
 * checks the rows named on it and on its enclosing classes; the runner reports per row, and
 * {@code EndpointCoverageTest} fails when a routed row has no test.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Checks {
    String[] value();
}
