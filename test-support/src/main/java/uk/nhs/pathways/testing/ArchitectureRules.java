package uk.nhs.pathways.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/** The rules every service's code keeps, checked by each service's ArchitectureTest. */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        for (ArchRule rule : rules()) {
            rule.check(classes);
        }
        for (ArchRule rule : noCycles(servicePackage)) {
            rule.check(classes);
        }
    }

    /**
     * No cycles between the service's features (its top-level packages: site, cohort, search...) nor
     * between any two of its packages: a cycle means neither side can change or be understood alone.
     */
    static List<ArchRule> noCycles(String servicePackage) {
        return List.of(
                slices().matching(servicePackage + ".(*)..")
                        .namingSlices("feature $1")
                        .should()
                        .beFreeOfCycles()
                        .because("features depend on each other one way only"),
                slices().matching(servicePackage + ".(**)")
                        .namingSlices("package $1")
                        .should()
                        .beFreeOfCycles()
                        .because("packages depend on each other one way only"));
    }

    static List<ArchRule> rules() {
        return List.of(
                noClasses()
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage("org.apache.kafka.clients.producer..")
                        .because("events leave a service only through its transactional outbox (no dual writes)"),
                noClasses()
                        .should()
                        .dependOnClassesThat()
                        .haveSimpleName("Emitter")
                        .because("events leave a service only through its transactional outbox (no dual writes)"),
                methods()
                        .that()
                        .areAnnotatedWith("org.eclipse.microprofile.reactive.messaging.Incoming")
                        .should()
                        .beDeclaredInClassesThat()
                        .resideInAPackage("..messaging..")
                        .because("Kafka adapters live in messaging packages, apart from domain logic")
                        .allowEmptyShould(true), // a service may consume nothing
                classes()
                        .that()
                        .areAnnotatedWith("jakarta.persistence.Entity")
                        .should()
                        .resideInAPackage("..domain..")
                        .because("a service's tables are its domain model"),
                noClasses()
                        .that()
                        .resideInAnyPackage("..domain..", "..service..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage("..rest..", "..messaging..")
                        .because("domain and services do not know how they are reached"),
                classes()
                        .that()
                        .resideInAPackage("..rest..")
                        .and()
                        .haveSimpleNameEndingWith("Resource")
                        .should()
                        .beAnnotatedWith("jakarta.ws.rs.Path")
                        .because("every resource is a documented HTTP endpoint"));
    }
}
