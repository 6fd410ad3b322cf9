package io.catalogbatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves that the rules of {@link ArchitectureTest} can fail: the very same rule factories, given the root
 * {@code io.catalogbatch.archfixture}, run on that fixture package alone (test classes included), where a
 * violation of every rule is planted. Each case names the fixture classes the rule must report, so a rule that
 * fails for the wrong reason, or passes vacuously, is caught too.
 */
class ArchitectureRulesCatchViolationsTest {

    private static final String FIXTURE = "io.catalogbatch.archfixture";

    private static JavaClasses fixture;

    @BeforeAll
    static void importTheFixtureOnly() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    /** One case per {@code @ArchTest} field of {@link ArchitectureTest}, named like it. */
    private static List<Case> cases() {
        return List.of(
                new Case("domain_depends_only_on_its_own_domain_the_shared_domain_and_java",
                        ArchitectureTest.domainIsPlainJava(FIXTURE),
                        List.of("PlantedViolation", "AnnotationOnlyViolation", "FoldsWithoutTheKernel"),
                        List.of("RenameThing", "Folding")),
                new Case("service_depends_only_on_domain_service_java_and_slf4j",
                        ArchitectureTest.serviceIsFreeOfFrameworks(FIXTURE),
                        List.of("RenameProcessor", "Transactional", "PlantedAdapter"), List.of()),
                new Case("adapters_are_not_used_by_domain_or_service",
                        ArchitectureTest.adaptersAreNotUsedByDomainOrService(FIXTURE),
                        List.of("PlantedViolation", "RenameProcessor"), List.of()),
                new Case("adapters_are_not_spring_components",
                        ArchitectureTest.adaptersAreNotSpringComponents(FIXTURE),
                        List.of("PlantedAdapter"), List.of()),
                new Case("entrypoints_and_cli_are_not_used_by_domain_service_or_adapters",
                        ArchitectureTest.entrypointsAndCliAreNotUsedByInnerLayers(FIXTURE),
                        List.of("PlantedViolation", "PlantedEntrypoint"), List.of()),
                new Case("config_classes_are_spring_configurations",
                        ArchitectureTest.configClassesAreConfigurations(FIXTURE),
                        List.of("PlantedConfiguration"), List.of()),
                new Case("config_uses_only_its_own_context_and_shared",
                        ArchitectureTest.configUsesOnlyItsOwnContext(FIXTURE),
                        List.of("PlantedConfiguration", "Allocation"), List.of()),
                new Case("bounded_contexts_do_not_depend_on_each_other",
                        ArchitectureTest.boundedContextsAreIndependent(FIXTURE),
                        List.of("PlantedViolation", "PlantedConfiguration"), List.of("KernelLeak")),
                new Case("shared_kernel_depends_on_no_context",
                        ArchitectureTest.sharedKernelDependsOnNoContext(FIXTURE),
                        List.of("KernelLeak"), List.of()),
                new Case("only_the_command_line_uses_picocli",
                        ArchitectureTest.onlyTheCommandLineUsesPicocli(FIXTURE),
                        List.of("ParsesItsOwnOptions"), List.of("PlantedCommand")),
                new Case("runs_does_not_know_the_command_line",
                        ArchitectureTest.runsDoesNotKnowTheCommandLine(FIXTURE),
                        List.of("KnowsTheCommandLine"), List.of("KnowsTheCatalog")),
                new Case("runs_knows_no_bounded_context",
                        ArchitectureTest.runsKnowsNoBoundedContext(FIXTURE),
                        List.of("KnowsTheCatalog"), List.of("KnowsTheCommandLine", "Command")),
                new Case("the_snapshot_cache_knows_nothing_of_the_folder_store",
                        ArchitectureTest.snapshotCacheIsOptional(FIXTURE),
                        List.of("ReadsTheStore"), List.of("KeepsToItself")),
                new Case("layers",
                        ArchitectureTest.layers(FIXTURE),
                        List.of("PlantedViolation", "RenameProcessor"), List.of("PlantedConfiguration")),
                new Case("command_handlers_are_named_after_their_command",
                        ArchitectureTest.commandHandlersEndWithHandler(FIXTURE),
                        List.of("RenameProcessor"), List.of()),
                new Case("commands_and_events_are_records",
                        ArchitectureTest.commandsAndEventsAreRecords(FIXTURE),
                        List.of("NotARecordCommand"), List.of("RenameThing")));
    }

    @TestFactory
    Stream<DynamicTest> every_rule_reports_its_planted_violation() {
        return cases().stream().map(c -> dynamicTest(c.name(), () -> {
            EvaluationResult result = c.rule().evaluate(fixture);
            assertThat(result.hasViolation()).as("%s reports a violation in %s", c.name(), FIXTURE).isTrue();
            String report = String.join("\n", result.getFailureReport().getDetails());
            for (String culprit : c.mustReport()) {
                assertThat(mentions(report, culprit)).as("%s reports %s in:%n%s", c.name(), culprit, report).isTrue();
            }
            for (String innocent : c.mustNotReport()) {
                assertThat(mentions(report, innocent)).as("%s leaves %s alone in:%n%s", c.name(), innocent, report)
                        .isFalse();
            }
        }));
    }

    @Test
    void every_architecture_rule_has_a_planted_violation() {
        List<String> productionRules = Arrays.stream(ArchitectureTest.class.getDeclaredFields())
                .filter(field -> field.isAnnotationPresent(ArchTest.class))
                .map(Field::getName)
                .sorted()
                .collect(Collectors.toList());
        List<String> planted = cases().stream().map(Case::name).sorted().collect(Collectors.toList());

        assertThat(planted).isEqualTo(productionRules);
    }

    @Test
    void the_fixture_is_imported_alone() {
        assertThat(fixture.stream()).isNotEmpty()
                .allSatisfy(javaClass -> assertThat(javaClass.getPackageName()).startsWith(FIXTURE));
    }

    /** A class named {@code simpleName} appears in the report (as a whole name, not a prefix of another). */
    private static boolean mentions(String report, String simpleName) {
        return Pattern.compile("\\." + Pattern.quote(simpleName) + "(?![\\w])").matcher(report).find();
    }

    private record Case(String name, ArchRule rule, List<String> mustReport, List<String> mustNotReport) {
    }
}
