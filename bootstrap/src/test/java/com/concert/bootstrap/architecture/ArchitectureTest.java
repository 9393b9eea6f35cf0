package com.concert.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

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
                .should().dependOnClassesThat().resideInAnyPackage("com.concert.application.service..")
                .because("a controller knows what a use case does, not which class does it");
        rule.check(production);
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
