package dev.claudeproxy.bootstrap;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The hexagon's dependency rules, checked against the compiled classes of every module. */
class ArchitectureTest {

    private static final String ROOT = "dev.claudeproxy";
    private static final String DOMAIN = ROOT + ".domain..";
    private static final String APPLICATION = ROOT + ".application..";
    private static final String PORTS = ROOT + ".application.port..";
    private static final String SERVICES = ROOT + ".application.service..";
    private static final String ADAPTERS = ROOT + ".adapters..";
    private static final String HTTP = ROOT + ".adapters.http..";
    private static final String CLI = ROOT + ".adapters.cli..";
    private static final String PERSISTENCE = ROOT + ".adapters.persistence..";
    private static final String BOOTSTRAP = ROOT + ".bootstrap..";

    private static final JavaClasses CLASSES = importProductionClasses();

    private static JavaClasses importProductionClasses() {
        // Rules only look at package names, so referenced library classes need not be read (much faster).
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        // Test classes are excluded whether they come as target/test-classes or as a module's -tests.jar.
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(ROOT);
    }

    @Test
    void everyModuleWithCode_isImported() {
        for (String layer : new String[] {DOMAIN, ROOT + ".application.port.in..", ROOT + ".application.port.out..",
                SERVICES, HTTP, CLI, PERSISTENCE, BOOTSTRAP}) {
            assertThat(CLASSES.that(resideInAPackage(layer))).as("classes in %s", layer).isNotEmpty();
        }
    }

    @Test
    void domain_dependsOnlyOnTheJdk() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void application_dependsOnlyOnDomainAndTheJdk() {
        classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void ports_doNotKnowTheServices() {
        noClasses().that().resideInAPackage(PORTS)
                .should().dependOnClassesThat().resideInAPackage(SERVICES)
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void adapters_doNotDependOnEachOther() {
        slices().matching(ROOT + ".adapters.(*)..")
                .should().notDependOnEachOther()
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void adapters_useThePortsNotTheServices() {
        noClasses().that().resideInAPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAPackage(SERVICES)
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void onlyBootstrap_dependsOnBootstrap() {
        noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
                .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void core_usesNoFrameworkOrPersistenceLibrary() {
        noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.helidon..", "com.fasterxml..", "java.sql..", "javax.sql..",
                        "com.github.benmanes.caffeine..", "org.flywaydb..", "org.h2..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void code_followsTheOnionArchitecture() {
        onionArchitecture()
                .domainModels(DOMAIN)
                .applicationServices(APPLICATION)
                .adapter("http", HTTP)
                .adapter("cli", CLI)
                .adapter("persistence", PERSISTENCE)
                // there are no domain services; everyModuleWithCode_isImported guards the other layers against an
                // import that silently finds nothing
                .withOptionalLayers(true)
                .ignoreDependency(resideInAPackage(BOOTSTRAP), alwaysTrue()) // the composition root wires all
                .ensureAllClassesAreContainedInArchitectureIgnoring(BOOTSTRAP)
                .check(CLASSES);
    }
}
