package bd.com.getit.realtime.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon's rules, written once for a root package so that the real code and a planted
 * violation fixture are checked by the very same rules.
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  static ArchRule portsAndCoreArePureJava(String root) {
    return classes()
        .that()
        .resideInAnyPackage(root + ".domain..", root + ".port..", root + ".core..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", root + ".domain..", root + ".port..", root + ".core..")
        .because(
            "the core is embedded in other JVM services and must not drag a framework along"
                + " (not even Jackson through the adapters' JSON bridge)");
  }

  static ArchRule portsDoNotKnowTheCore(String root) {
    return noClasses()
        .that()
        .resideInAnyPackage(root + ".domain..", root + ".port..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root + ".core..")
        .because("adapters see the ports only; the core is one implementation of them");
  }

  static ArchRule adaptersDoNotDependOnEachOther(String root) {
    return slices()
        .matching(root + ".adapter.(*)..")
        .should()
        .notDependOnEachOther()
        .because("every adapter can be swapped without touching another");
  }

  static ArchRule adaptersReachTheCoreOnlyThroughPorts(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".adapter..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root + ".core..")
        .because("adapters reach the core through port interfaces only");
  }

  /**
   * Adapters see the ports and the one shared support module, {@code realtime-json} (the Jackson
   * bridge to {@code JsonValue}), and nothing else of the project but their own classes.
   */
  static ArchRule adaptersSeeOnlyPortsAndTheSharedJson(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".adapter..")
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage(root + "..")
                .and(
                    JavaClass.Predicates.resideOutsideOfPackages(
                        root + ".domain..",
                        root + ".port..",
                        root + ".json..",
                        root + ".adapter..")))
        .because(
            "an adapter is swapped on its own: it may share only the ports and the JSON bridge");
  }

  /**
   * The shared JSON module is a bridge from Jackson to the ports' values and nothing more: it knows
   * no core, no adapter, no other library.
   */
  static ArchRule theSharedJsonKnowsOnlyPortsAndJackson(String root) {
    return classes()
        .that()
        .resideInAPackage(root + ".json..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            root + ".domain..",
            root + ".port..",
            root + ".json..",
            "com.fasterxml.jackson..")
        .because("every adapter depends on it, so it must not drag anything else along");
  }

  static ArchRule onlyTheAppSeesAdapters(String root) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(root + ".adapter..", root + ".app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root + ".adapter..")
        .because("the composition root is the one place that chooses adapters");
  }

  static ArchRule onlyTestsUseTestSupport(String root) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(root + ".testkit..", root + ".testsupport..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(root + ".testkit..", root + ".testsupport..")
        .because(
            "fixtures and test servers are test-scope dependencies: production code using them"
                + " would not run outside the build");
  }

  static ArchRule noPackageCycles(String root) {
    return slices()
        .matching(root + ".(**)")
        .should()
        .beFreeOfCycles()
        .because("cycles between packages make modules impossible to split or swap");
  }
}
