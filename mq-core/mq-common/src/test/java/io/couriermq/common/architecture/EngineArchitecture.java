package io.couriermq.common.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's house rules as ArchUnit rules, shared by every mq-core module through this module's
 * test-jar. Each module's {@code ArchitectureTest} imports its own main classes and checks them with
 * the packages it must never reach (DESIGN.md §1: dependencies point one way).
 */
public final class EngineArchitecture {
    public static final String COMMON = "io.couriermq.common..";
    public static final String REMOTING = "io.couriermq.remoting..";
    public static final String STORE = "io.couriermq.store..";
    public static final String FILTER = "io.couriermq.filter..";
    public static final String CLIENT = "io.couriermq.client..";
    public static final String NAMESRV = "io.couriermq.namesrv..";
    public static final String BROKER = "io.couriermq.broker..";
    public static final String NETTY = "io.netty..";

    private EngineArchitecture() {}

    /**
     * The main classes of the module under test: its {@code target/classes} (tests run from the module
     * directory). Classes it references elsewhere are still known to the rules by name.
     */
    public static JavaClasses mainClassesOf(String basePackage) {
        return new ClassFileImporter()
                .importPath(Path.of("target", "classes"))
                .that(JavaClass.Predicates.resideInAPackage(basePackage + ".."));
    }

    /** Every rule a module of the engine obeys, given the packages it must not depend on. */
    public static List<ArchRule> rulesFor(String modulePackage, String... forbiddenPackages) {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..")
                .because("mq-core is the engine: no Spring (DESIGN.md §1)"));
        if (forbiddenPackages.length > 0) {
            rules.add(noClasses()
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(forbiddenPackages)
                    .because("dependencies point one way: common <- remoting <- {client, namesrv, broker}, "
                            + "common <- store <- broker, common <- filter <- {broker, client}"));
        }
        rules.add(slices().matching(modulePackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("packages inside a module layer too"));
        rules.add(GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.because(
                "library code logs through SLF4J"));
        rules.add(GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING);
        rules.add(noClasses()
                .that()
                .resideOutsideOfPackage("io.couriermq.common.time..")
                .should()
                .callMethod(System.class, "currentTimeMillis")
                .because("wall-clock time comes from an injected io.couriermq.common.time.Clock"));
        return rules;
    }

    /** Checks every rule and reports all violations at once. */
    public static void check(String modulePackage, String... forbiddenPackages) {
        JavaClasses classes = mainClassesOf(modulePackage);
        if (classes.isEmpty()) {
            throw new AssertionError("no classes found under " + modulePackage + ": the rules would check nothing");
        }
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rulesFor(modulePackage, forbiddenPackages)) {
            var result = rule.allowEmptyShould(true).evaluate(classes);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n\n", failures));
        }
    }
}
