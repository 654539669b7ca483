package bd.com.getit.realtime.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture rules of ARCHITECTURE.md, checked on every class of every module. */
class ArchitectureTest {
  private static final String ROOT = "bd.com.getit.realtime";
  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void everyRuledPackageHasClasses() {
    for (String pkg :
        List.of(
            ".domain",
            ".port.in",
            ".port.out",
            ".core",
            ".json",
            ".adapter.memory",
            ".adapter.websocket",
            ".app",
            ".testsupport")) {
      assertThat(production.stream().anyMatch(c -> c.getPackageName().startsWith(ROOT + pkg)))
          .as("classes in %s", ROOT + pkg)
          .isTrue();
    }
  }

  @Test
  void portsAndCoreArePureJava() {
    ArchitectureRules.portsAndCoreArePureJava(ROOT).check(production);
  }

  @Test
  void portsDoNotKnowTheCore() {
    ArchitectureRules.portsDoNotKnowTheCore(ROOT).check(production);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    ArchitectureRules.adaptersDoNotDependOnEachOther(ROOT).check(production);
  }

  @Test
  void adaptersReachTheCoreOnlyThroughPorts() {
    ArchitectureRules.adaptersReachTheCoreOnlyThroughPorts(ROOT).check(production);
  }

  @Test
  void adaptersSeeOnlyPortsAndTheSharedJson() {
    ArchitectureRules.adaptersSeeOnlyPortsAndTheSharedJson(ROOT).check(production);
  }

  @Test
  void theSharedJsonKnowsOnlyPortsAndJackson() {
    ArchitectureRules.theSharedJsonKnowsOnlyPortsAndJackson(ROOT).check(production);
  }

  @Test
  void onlyTheAppSeesAdapters() {
    ArchitectureRules.onlyTheAppSeesAdapters(ROOT).check(production);
  }

  @Test
  void onlyTestsUseTestSupport() {
    ArchitectureRules.onlyTestsUseTestSupport(ROOT).check(production);
  }

  @Test
  void noPackageCycles() {
    ArchitectureRules.noPackageCycles(ROOT).check(production);
  }

  /** The rules catch planted violations, so they cannot pass vacuously. */
  @Test
  void rulesReportEveryPlantedViolation() {
    String fixture = "bd.com.getit.archfixture";
    JavaClasses planted = new ClassFileImporter().importPackages(fixture);

    assertThat(violations(ArchitectureRules.portsAndCoreArePureJava(fixture), planted))
        .anyMatch(v -> v.contains("LeakyService") && v.contains("org.assertj"));
    assertThat(violations(ArchitectureRules.adaptersDoNotDependOnEachOther(fixture), planted))
        .anyMatch(v -> v.contains("AlphaAdapter") && v.contains("BetaAdapter"));
    assertThat(violations(ArchitectureRules.adaptersReachTheCoreOnlyThroughPorts(fixture), planted))
        .anyMatch(v -> v.contains("BetaAdapter") && v.contains("LeakyService"));
    assertThat(violations(ArchitectureRules.onlyTheAppSeesAdapters(fixture), planted))
        .anyMatch(v -> v.contains("LeakyService") && v.contains("AlphaAdapter"));
    assertThat(violations(ArchitectureRules.noPackageCycles(fixture), planted)).isNotEmpty();
    assertThat(violations(ArchitectureRules.onlyTestsUseTestSupport(fixture), planted))
        .anyMatch(v -> v.contains("DeltaAdapter") && v.contains("FakeServer"));
    assertThat(violations(ArchitectureRules.portsDoNotKnowTheCore(fixture), planted))
        .anyMatch(v -> v.contains("Thing") && v.contains("LeakyService"));
    List<String> adapterReach =
        violations(ArchitectureRules.adaptersSeeOnlyPortsAndTheSharedJson(fixture), planted);
    assertThat(adapterReach)
        .anyMatch(v -> v.contains("BetaAdapter") && v.contains("LeakyService"))
        .noneMatch(v -> v.contains("GammaAdapter"));
    List<String> bridge =
        violations(ArchitectureRules.theSharedJsonKnowsOnlyPortsAndJackson(fixture), planted);
    assertThat(bridge)
        .anyMatch(v -> v.contains("LeakyBridge") && v.contains("AlphaAdapter"))
        .noneMatch(v -> v.contains("CleanBridge"));
    assertThat(violations(ArchitectureRules.portsAndCoreArePureJava(fixture), planted))
        .anyMatch(v -> v.contains("BridgedService") && v.contains("CleanBridge"));
  }

  private static List<String> violations(ArchRule rule, JavaClasses classes) {
    return rule.evaluate(classes).getFailureReport().getDetails();
  }
}
