package io.catalogbatch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;
import java.util.function.BiPredicate;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The "Who may depend on whom" table of STYLE.md as ArchUnit rules, checked on the production classes only.
 *
 * <p>Every rule is built by a factory method that takes the root package, so that
 * {@link ArchitectureRulesCatchViolationsTest} runs the very same rules on a planted fixture
 * ({@code io.catalogbatch.archfixture}, test sources) and proves that each of them can fail. A new rule here
 * needs a planted violation there: that test compares the {@code @ArchTest} fields of this class with its cases.
 *
 * <p>Rules are written by package pattern, so they already cover packages that do not exist yet
 * ({@code cli}, {@code <context>/entrypoints}, {@code <context>/config}, {@code allocation/...}, {@code shared/batch});
 * the ones that may have nothing to check today say {@code allowEmptyShould(true)}, the others must find classes.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "io.catalogbatch";

    /**
     * Top-level packages under the root that are not bounded contexts: the shared kernel, the command line, and
     * the running of jobs ({@code runs}: launch, resume, report folder, summary, history, graceful stop).
     */
    private static final Set<String> NOT_CONTEXTS = Set.of("shared", "cli", "runs");

    // ---------------------------------------------------------------- the dependency table, row by row

    @ArchTest
    static final ArchRule domain_depends_only_on_its_own_domain_the_shared_domain_and_java = domainIsPlainJava(ROOT);

    @ArchTest
    static final ArchRule service_depends_only_on_domain_service_java_and_slf4j = serviceIsFreeOfFrameworks(ROOT);

    @ArchTest
    static final ArchRule adapters_are_not_used_by_domain_or_service = adaptersAreNotUsedByDomainOrService(ROOT);

    @ArchTest
    static final ArchRule adapters_are_not_spring_components = adaptersAreNotSpringComponents(ROOT);

    @ArchTest
    static final ArchRule entrypoints_and_cli_are_not_used_by_domain_service_or_adapters =
            entrypointsAndCliAreNotUsedByInnerLayers(ROOT);

    @ArchTest
    static final ArchRule config_classes_are_spring_configurations = configClassesAreConfigurations(ROOT);

    @ArchTest
    static final ArchRule config_uses_only_its_own_context_and_shared = configUsesOnlyItsOwnContext(ROOT);

    @ArchTest
    static final ArchRule bounded_contexts_do_not_depend_on_each_other = boundedContextsAreIndependent(ROOT);

    @ArchTest
    static final ArchRule shared_kernel_depends_on_no_context = sharedKernelDependsOnNoContext(ROOT);

    @ArchTest
    static final ArchRule only_the_command_line_uses_picocli = onlyTheCommandLineUsesPicocli(ROOT);

    @ArchTest
    static final ArchRule runs_does_not_know_the_command_line = runsDoesNotKnowTheCommandLine(ROOT);

    @ArchTest
    static final ArchRule runs_knows_no_bounded_context = runsKnowsNoBoundedContext(ROOT);

    @ArchTest
    static final ArchRule the_snapshot_cache_knows_nothing_of_the_folder_store = snapshotCacheIsOptional(ROOT);

    // ---------------------------------------------------------------- the same, as one picture

    @ArchTest
    static final ArchRule layers = layers(ROOT);

    // ---------------------------------------------------------------- naming

    @ArchTest
    static final ArchRule command_handlers_are_named_after_their_command = commandHandlersEndWithHandler(ROOT);

    @ArchTest
    static final ArchRule commands_and_events_are_records = commandsAndEventsAreRecords(ROOT);

    // ================================================================ rule factories

    /** Options, help and exit codes are the command line's: nothing below it parses or knows picocli. */
    static ArchRule onlyTheCommandLineUsesPicocli(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .because("the command line is the outermost ring: jobs, runs and stores are used by it, not the"
                        + " other way round, and must not grow options of their own");
    }

    /** The command line uses runs; runs never calls back up (its wording, options and exit codes are the cli's). */
    static ArchRule runsDoesNotKnowTheCommandLine(String root) {
        return noClasses().that().resideInAPackage(root + ".runs..")
                .should().dependOnClassesThat().resideInAPackage(root + ".cli..")
                .because("runs is used by the command line and by the contexts' entrypoints (the watcher), so it"
                        + " must say its outcomes as values, not print them the command line's way");
    }

    /**
     * Runs is generic: a job is launched, resumed, reported and listed the same whatever context it belongs to;
     * a context tells runs what it must know of its jobs (e.g. {@code JobLayout}) from its own entrypoints.
     */
    /** The binary snapshot is a cache the folder store may use or not: it never reaches back into the store. */
    static ArchRule snapshotCacheIsOptional(String root) {
        return noClasses().that().resideInAPackage(root + "..adapters.csv.cache..")
                .should().dependOnClassesThat().resideInAPackage(root + "..adapters.csv")
                .because("the folder store works without the cache, so the cache cannot need the store");
    }

    static ArchRule runsKnowsNoBoundedContext(String root) {
        DescribedPredicate<JavaClass> inAContext = describe("belong to a bounded context (a top-level package of "
                        + root + " except " + NOT_CONTEXTS + ")",
                target -> !contextOf(target, root).equals(root)
                        && !NOT_CONTEXTS.contains(contextOf(target, root).substring(root.length() + 1)));
        return noClasses().that().resideInAPackage(root + ".runs..")
                .should().dependOnClassesThat(inAContext)
                .because("the contexts' entrypoints use runs to launch their jobs, never the reverse");
    }

    /**
     * {@code *.domain}: its own domain, {@code shared.domain}, {@code java.*}; no Spring, not even an annotation.
     * One exception: {@code shared.domain} may use ICU4J ({@code com.ibm.icu}), a plain library of Unicode
     * algorithms, for the full case folding SPEC §1 asks for and the JDK lacks; the contexts' domains reach it
     * through the kernel ({@code Caseless}), never directly.
     */
    static ArchRule domainIsPlainJava(String root) {
        return classes().that().resideInAPackage(root + "..domain..")
                .should(onlyDependOn("their own context's domain, " + root + ".shared.domain and java.."
                                + " (and, for " + root + ".shared.domain only, com.ibm.icu..)",
                        (origin, target) -> inPackage(target, contextOf(origin, root) + ".domain")
                                || inPackage(target, root + ".shared.domain")
                                || inPackage(target, "java")
                                || inPackage(origin, root + ".shared.domain") && inPackage(target, "com.ibm.icu")))
                .because("the domain model is plain Java: no Spring, Jakarta or other library, not even an"
                        + " annotation (ArchUnit 1.x sees annotation dependencies)");
    }

    /** {@code *.service}: domain, service, {@code shared.service}, {@code shared.domain}, {@code java.*}, slf4j. */
    static ArchRule serviceIsFreeOfFrameworks(String root) {
        return classes().that().resideInAPackage(root + "..service..")
                .should(onlyDependOn("their own context's domain and service, " + root + ".shared.domain, "
                                + root + ".shared.service, java.. and org.slf4j..",
                        (origin, target) -> inPackage(target, contextOf(origin, root) + ".domain")
                                || inPackage(target, contextOf(origin, root) + ".service")
                                || inPackage(target, root + ".shared.domain")
                                || inPackage(target, root + ".shared.service")
                                || inPackage(target, "java")
                                || inPackage(target, "org.slf4j")))
                .because("the service layer knows no Spring: transactions belong to the unit of work");
    }

    static ArchRule adaptersAreNotUsedByDomainOrService(String root) {
        return noClasses().that().resideInAnyPackage(root + "..domain..", root + "..service..")
                .should().dependOnClassesThat().resideInAPackage(root + "..adapters..")
                .because("ports live in service and adapters implement them: the dependency points inwards");
    }

    static ArchRule adaptersAreNotSpringComponents(String root) {
        return noClasses().that().resideInAPackage(root + "..adapters..")
                .should().beAnnotatedWith(Component.class)
                .orShould().beMetaAnnotatedWith(Component.class)
                .because("adapters are built by @Bean methods in config, not found by component scanning"
                        + " (@Component, @Service, @Repository, @Configuration ...)");
    }

    static ArchRule entrypointsAndCliAreNotUsedByInnerLayers(String root) {
        return noClasses().that().resideInAnyPackage(root + "..domain..", root + "..service..", root + "..adapters..")
                .should().dependOnClassesThat().resideInAnyPackage(root + "..entrypoints..", root + ".cli..")
                .because("entrypoints and the cli are the outermost ring: they call in, nobody calls out to them");
    }

    static ArchRule configClassesAreConfigurations(String root) {
        return classes().that().resideInAPackage(root + "..config..").and().areTopLevelClasses()
                .should().beAnnotatedWith(Configuration.class)
                .because("config is a context's Spring composition root: @Configuration classes with @Bean methods")
                .allowEmptyShould(true);
    }

    static ArchRule configUsesOnlyItsOwnContext(String root) {
        return classes().that().resideInAPackage(root + "..config..")
                .should(onlyDependOn("classes of their own context, of " + root + ".shared, or outside " + root
                                + " (Spring, libraries, java..)",
                        (origin, target) -> !inPackage(target, root)
                                || inPackage(target, contextOf(origin, root))
                                || inPackage(target, root + ".shared")))
                .because("a context's configuration wires that context only")
                .allowEmptyShould(true);
    }

    /** Every top-level package of the root except {@code shared} and {@code cli} is a bounded context. */
    static ArchRule boundedContextsAreIndependent(String root) {
        return slices().assignedFrom(boundedContextsOf(root))
                .should().notDependOnEachOther()
                .because("catalog and allocation never use each other; both may use shared");
    }

    static ArchRule sharedKernelDependsOnNoContext(String root) {
        DescribedPredicate<JavaClass> outsideTheKernel = describe(
                "belong to a bounded context, the cli or the application (" + root + ".. outside " + root + ".shared..)",
                target -> inPackage(target, root) && !inPackage(target, root + ".shared"));
        return noClasses().that().resideInAPackage(root + ".shared..")
                .should().dependOnClassesThat(outsideTheKernel)
                .because("the shared kernel is used by the contexts (catalog, allocation, ...), never the reverse");
    }

    /**
     * Entrypoints (batch jobs and the cli) → service → domain; adapters → service, domain; config wires them all.
     * Only dependencies between classes of these layers count: {@code shared.csv}, {@code shared.batch} and the
     * application class are checked by the rules above.
     */
    static ArchRule layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .optionalLayer("Config").definedBy(root + "..config..")
                .optionalLayer("Entrypoints").definedBy(root + "..entrypoints..", root + ".cli..")
                .layer("Adapters").definedBy(root + "..adapters..")
                .layer("Service").definedBy(root + "..service..")
                .layer("Domain").definedBy(root + "..domain..")

                .whereLayer("Config").mayOnlyAccessLayers("Entrypoints", "Adapters", "Service", "Domain")
                .whereLayer("Entrypoints").mayOnlyAccessLayers("Service", "Domain")
                .whereLayer("Adapters").mayOnlyAccessLayers("Service", "Domain")
                .whereLayer("Service").mayOnlyAccessLayers("Domain")
                .whereLayer("Domain").mayNotAccessAnyLayer()

                .whereLayer("Config").mayNotBeAccessedByAnyLayer();
    }

    /** A command handler implements {@code shared.service.Handler<C>} with C a {@code shared.domain.Command}. */
    static ArchRule commandHandlersEndWithHandler(String root) {
        return classes().that(areCommandHandlers(root))
                .should().haveSimpleNameEndingWith("Handler")
                .because("a command's handler is named <Command>Handler (event handlers are <Reaction>On<Event>)");
    }

    static ArchRule commandsAndEventsAreRecords(String root) {
        return classes().that().resideInAnyPackage(root + "..domain.commands..", root + "..domain.events..")
                .and().areTopLevelClasses().and().areNotInterfaces()
                .should().beRecords()
                .because("commands and events are immutable values: records that validate in the compact"
                        + " constructor (sealed interfaces may group them)");
    }

    // ================================================================ helpers

    private static DescribedPredicate<JavaClass> areCommandHandlers(String root) {
        String handler = root + ".shared.service.Handler";
        String command = root + ".shared.domain.Command";
        return resideInAPackage(root + "..service..").and(describe(
                "implement " + handler + "<C extends " + command + ">",
                javaClass -> !javaClass.isInterface()
                        && !javaClass.isAnonymousClass()
                        && javaClass.getInterfaces().stream().anyMatch(type -> handles(type, handler, command))))
                .as("are command handlers (classes of a service package implementing " + handler + "<C extends "
                        + command + ">)");
    }

    private static boolean handles(JavaType type, String handler, String command) {
        if (!(type instanceof JavaParameterizedType parameterized)
                || !parameterized.toErasure().getName().equals(handler)
                || parameterized.getActualTypeArguments().isEmpty()) {
            return false;
        }
        return parameterized.getActualTypeArguments().get(0).toErasure().isAssignableTo(command);
    }

    private static SliceAssignment boundedContextsOf(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String context = contextOf(javaClass, root);
                if (context.equals(root)) {
                    return SliceIdentifier.ignore();
                }
                String name = context.substring(root.length() + 1);
                return NOT_CONTEXTS.contains(name) ? SliceIdentifier.ignore() : SliceIdentifier.of(name);
            }

            @Override
            public String getDescription() {
                return "bounded contexts (top-level packages of " + root + " except " + NOT_CONTEXTS + ")";
            }
        };
    }

    /**
     * The package of the class's context, {@code root.<context>} (e.g. {@code io.catalogbatch.catalog}), or the
     * root itself for a class outside any (the application class, or a class outside the root).
     */
    private static String contextOf(JavaClass javaClass, String root) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(root + ".")) {
            return root;
        }
        int end = name.indexOf('.', root.length() + 1);
        return end < 0 ? name : name.substring(0, end);
    }

    private static boolean inPackage(JavaClass javaClass, String packageName) {
        String name = javaClass.getPackageName();
        return name.equals(packageName) || name.startsWith(packageName + ".");
    }

    /** Like ArchUnit's {@code onlyDependOnClassesThat}, but the allowed targets may depend on the origin. */
    private static ArchCondition<JavaClass> onlyDependOn(
            String allowedTargets, BiPredicate<JavaClass, JavaClass> allowed) {
        return new ArchCondition<>("only depend on " + allowedTargets) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (!target.isPrimitive() && !allowed.test(origin, target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
