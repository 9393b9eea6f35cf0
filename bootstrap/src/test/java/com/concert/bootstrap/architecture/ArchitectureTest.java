package com.concert.bootstrap.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of the hexagon, checked on the production classes of every module. A rule that
 * matches no class fails (ArchUnit's default), so a misspelt package cannot make a rule pass silently.
 */
class ArchitectureTest {

    private static final String ROOT = "com.concert";
    private static final String DOMAIN = "com.concert.domain..";
    private static final String APPLICATION = "com.concert.application..";
    private static final String WEB = "com.concert.adapter.in.web..";
    private static final String PERSISTENCE = "com.concert.adapter.out.persistence..";
    private static final String REDIS = "com.concert.adapter.out.redis..";

    private static JavaClasses production;

    /** Leaves out test classes, whether in a module's own target/test-classes or in another module's test-jar. */
    static final class ProductionCodeOnly implements ImportOption {

        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/") && !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*"));
        }
    }

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(new ProductionCodeOnly())
                .importPackages(ROOT);
    }

    @Test
    void theDomainDependsOnNothingButTheJdk() {
        ArchRule rule = classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
                .because("the model is pure Java, testable in milliseconds and portable to any framework");
        rule.check(production);
    }

    @Test
    void theApplicationDependsOnTheDomainAndTheJdkOnly() {
        ArchRule rule = classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
                .because("use cases are plain Java: the adapters bring the frameworks");
        rule.check(production);
    }

    @Test
    void domainAndApplicationImportNoFramework() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta..", "io.lettuce..", "org.hibernate..");
        rule.check(production);
    }

    @Test
    void theHexagonPointsInwards() {
        onionArchitecture()
                // the domain keeps its ports beside its model; there is no separate domain-service layer
                .withOptionalLayers(true)
                .domainModels("com.concert.domain..")
                .applicationServices("com.concert.application..")
                .adapter("web", WEB)
                .adapter("persistence", PERSISTENCE)
                .adapter("redis", REDIS)
                // bootstrap wires everything together; that is its job
                .ignoreDependency(resideInAPackage("com.concert.bootstrap.."), alwaysTrue())
                .because("adapters depend on the core, never the core on adapters, and adapters never on each other")
                .check(production);
    }

    @Test
    void controllersCallUseCasesThroughIncomingPortsOnly() {
        ArchRule rule = noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("com.concert.application..service..")
                .because("a controller knows what a use case does, not which class does it");
        rule.check(production);
    }

    @Test
    void theWebAdapterDrivesTheApplicationThroughIncomingPortsOnly() {
        ArchRule rule = noClasses().that().resideInAPackage(WEB)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.concert.application..service..", "com.concert.application..port.out..")
                .because("what the web adapter asks of the service is a use case; outgoing ports are the"
                        + " application's to call");
        rule.check(production);
    }

    @Test
    void servicesAreBuiltByBootstrapAndCalledThroughTheirPortsOnly() {
        ArchRule rule = classes().that().resideInAPackage("com.concert.application..service..")
                .should().onlyHaveDependentClassesThat().resideInAnyPackage(APPLICATION, "com.concert.bootstrap..");
        rule.check(production);
    }

    @Test
    void theFeaturesOfTheApplicationDoNotDependOnEachOtherInACircle() {
        slices().matching("com.concert.application.(*)..")
                .should().beFreeOfCycles()
                .because("catalog <- queue <- booking, and points and identity stand alone: a feature is read"
                        + " without the ones that use it")
                .check(production);
    }

    /**
     * An outgoing port is the application's need: an adapter implements it, and only the application (or
     * bootstrap's wiring) calls it. One adapter calling a port that another adapter implements is those two
     * adapters talking to each other through a side door (as the Redis subscriber once handed catalog changes
     * straight to the persistence adapter's cache).
     */
    @Test
    void noAdapterCallsAPortThatAnotherAdapterImplements() {
        ArchRule rule = classes().that().resideInAnyPackage(WEB, PERSISTENCE, REDIS)
                .should(new ArchCondition<>("not call a port another adapter implements") {
                    @Override
                    public void check(JavaClass caller, ConditionEvents events) {
                        String callerAdapter = adapterOf(caller);
                        for (Dependency dependency : caller.getDirectDependenciesFromSelf()) {
                            JavaClass port = dependency.getTargetClass();
                            if (!port.isInterface() || !(port.getPackageName().startsWith("com.concert.domain")
                                    || port.getPackageName().startsWith("com.concert.application"))) {
                                continue;
                            }
                            for (JavaClass implementation : port.getAllSubclasses()) {
                                String implementedIn = adapterOf(implementation);
                                if (implementedIn != null && !implementedIn.equals(callerAdapter)) {
                                    events.add(SimpleConditionEvent.violated(dependency, caller.getName() + " ("
                                            + callerAdapter + ") uses " + port.getName() + ", implemented by "
                                            + implementation.getName() + " (" + implementedIn + ")"));
                                }
                            }
                        }
                    }
                });
        rule.check(production);
    }

    private static String adapterOf(JavaClass type) {
        String name = type.getPackageName();
        for (String adapter : List.of("com.concert.adapter.in.web", "com.concert.adapter.out.persistence",
                "com.concert.adapter.out.redis")) {
            if (name.equals(adapter) || name.startsWith(adapter + ".")) {
                return adapter;
            }
        }
        return null;
    }

    @Test
    void controllersLiveInTheWebAdapter() {
        ArchRule rule = classes().that().areAnnotatedWith(RestController.class)
                .should().resideInAPackage(WEB);
        rule.check(production);
    }

    @Test
    void adaptersNeverSeeEachOther() {
        noClasses().that().resideInAPackage(WEB)
                .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, REDIS)
                .check(production);
        noClasses().that().resideInAPackage(PERSISTENCE)
                .should().dependOnClassesThat().resideInAnyPackage(WEB, REDIS)
                .check(production);
        noClasses().that().resideInAPackage(REDIS)
                .should().dependOnClassesThat().resideInAnyPackage(WEB, PERSISTENCE)
                .check(production);
    }

    @Test
    void jpaEntitiesStayInsideThePersistenceAdapter() {
        ArchRule rule = classes().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .should().resideInAPackage(PERSISTENCE)
                .andShould().notBePublic();
        rule.check(production);
    }
}
