package org.cdswebsocket.ws;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.cdswebsocket.WebSocketService;

/**
 * The adapter's main classes reach core only through its contract: the {@code spi} package and the
 * public application API ({@link WebSocketService}, the {@code facade} package).
 */
@AnalyzeClasses(
    packages = "org.cdswebsocket.ws",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class CoreBoundaryTest {

  @ArchTest
  static final ArchRule onlySpiAndPublicApiOfCore =
      noClasses()
          .that()
          .resideInAPackage("org.cdswebsocket.ws..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("org.cdswebsocket..")
                  .and(
                      not(
                          resideInAnyPackage(
                              "org.cdswebsocket.ws..",
                              "org.cdswebsocket.spi..",
                              "org.cdswebsocket.facade..")))
                  .and(not(belongToAnyOf(WebSocketService.class))))
          .because("adapters use core only through org.cdswebsocket.spi and the public API");
}
