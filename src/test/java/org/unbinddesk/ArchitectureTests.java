package org.unbinddesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.springframework.data.jpa.repository.Query;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages depend one way (each {@code package-info.java} says who may use it): no cycles, the leaves depend on
 * nothing of the product, and the web layers sit on top.
 */
@AnalyzeClasses(packages = "org.unbinddesk", importOptions = { ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class })
class ArchitectureTests {

	@ArchTest
	static final ArchRule packagesHaveNoCycles = slices().matching("org.unbinddesk.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule leavesDependOnNothingOfTheProduct = noClasses().that()
		.resideInAnyPackage("org.unbinddesk.privacy..", "org.unbinddesk.problem..", "org.unbinddesk.merchant..", "org.unbinddesk.calendar..", "org.unbinddesk.runtime..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.unbinddesk.access..", "org.unbinddesk.account..", "org.unbinddesk.api..", "org.unbinddesk.audit..", "org.unbinddesk.cases..", "org.unbinddesk.consent..",
				"org.unbinddesk.dashboard..", "org.unbinddesk.documents..", "org.unbinddesk.fee..", "org.unbinddesk.identity..", "org.unbinddesk.notice..", "org.unbinddesk.process..", "org.unbinddesk.risk..",
				"org.unbinddesk.tasklist..", "org.unbinddesk.unbind..", "org.unbinddesk.webhook..");

	@ArchTest
	static final ArchRule onlyTheTopLayersUseTheApiAndTheDashboard = noClasses().that()
		.resideOutsideOfPackages("org.unbinddesk.api..", "org.unbinddesk.dashboard..", "org.unbinddesk.tasklist..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.unbinddesk.api..", "org.unbinddesk.dashboard..", "org.unbinddesk.tasklist..");

	@ArchTest
	static final ArchRule theDomainDoesNotKnowTheProcess = noClasses().that()
		.resideInAnyPackage("org.unbinddesk.cases..", "org.unbinddesk.audit..", "org.unbinddesk.merchant..", "org.unbinddesk.unbind..", "org.unbinddesk.fee..", "org.unbinddesk.risk..",
				"org.unbinddesk.identity..", "org.unbinddesk.account..", "org.unbinddesk.documents..", "org.unbinddesk.notice..", "org.unbinddesk.consent..", "org.unbinddesk.access..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.unbinddesk.process..");

	/**
	 * A JPQL query in a repository costs the start-up two query grammars (Spring Data's, then Hibernate's, to check
	 * it): 1.4–2.1 s of the main thread (docs/benchmark.md, "Start-up"). Repositories use derived queries, or plain
	 * SQL that both H2 and PostgreSQL run, tested by the repository's tests on both.
	 */
	@ArchTest
	static final ArchRule repositoryQueriesAreSql = methods().that()
		.areAnnotatedWith(Query.class)
		.should()
		.beAnnotatedWith(DescribedPredicate.describe("@Query(nativeQuery = true)",
				(JavaAnnotation<?> a) -> a.getRawType().isEquivalentTo(Query.class)
						&& Boolean.TRUE.equals(a.get("nativeQuery").orElse(false))));

}
