package io.nodelink.metrics.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server's package graph, kept as designed: no cycles between feature packages, the transport
 * (gRPC) and the HTTP edge (API, SSE) on the outside, the registry and tasks independent of both.
 */
@AnalyzeClasses(
    packages = "io.nodelink.metrics.server",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule featurePackagesAreFreeOfCycles =
      slices().matching("io.nodelink.metrics.server.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule onlyTheTransportKnowsGrpc =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "io.nodelink.metrics.server.grpc..",
              "io.nodelink.metrics.server.auth..",
              "io.nodelink.metrics.server.health..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.grpc..", "io.nodelink.metrics.server.grpc..");

  @ArchTest
  static final ArchRule theCoreDoesNotKnowTheHttpEdge =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.nodelink.metrics.server.agents..",
              "io.nodelink.metrics.server.tasks..",
              "io.nodelink.metrics.server.streaming..",
              "io.nodelink.metrics.server.store..",
              "io.nodelink.metrics.server.ingest..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.nodelink.metrics.server.api..",
              "io.nodelink.metrics.server.sse..",
              "io.nodelink.metrics.server.view..",
              "jakarta.ws.rs..");
}
