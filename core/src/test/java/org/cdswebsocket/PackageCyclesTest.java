package org.cdswebsocket;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Core's packages depend on each other without cycles. A slice is a top-level package under {@code
 * org.cdswebsocket} with its sub-packages ({@code cluster.redisson} belongs to {@code cluster});
 * main classes only.
 */
@AnalyzeClasses(
    packages = "org.cdswebsocket",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class PackageCyclesTest {

  @ArchTest
  static final ArchRule noCyclesBetweenCorePackages =
      slices().matching("org.cdswebsocket.(*)..").should().beFreeOfCycles();
}
