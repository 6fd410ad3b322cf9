/**
 * TEST FIXTURE, never part of the application: a miniature of the production layout with planted violations of
 * the architecture rules. {@code ArchitectureRulesCatchViolationsTest} imports this package alone and checks that
 * every rule of {@code ArchitectureTest} reports the class planted against it. The production test never sees it
 * ({@code ImportOption.DoNotIncludeTests}). Classes marked PLANTED VIOLATION break rules on purpose; do not "fix" them.
 * The Spring-annotated ones are abstract, so that component scanning of {@code io.catalogbatch} in Spring tests
 * (test classes are on that classpath) never turns them into beans.
 */
package io.catalogbatch.archfixture;
