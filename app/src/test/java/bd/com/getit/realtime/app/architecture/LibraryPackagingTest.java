package bd.com.getit.realtime.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a consumer of the published artifacts relies on, read from the poms so that a new module
 * cannot be forgotten: every library module is in {@code realtime-bom} and the root's dependency
 * management alike, and names its module for the module path after its artifact id
 * (docs/versioning.md).
 */
class LibraryPackagingTest {

  /** Reactor modules that are not libraries: the BOM itself and the load generator. */
  private static final Set<String> NOT_LIBRARIES =
      Set.of("realtime-bom", "realtime-bench", "realtime-examples");

  private static Path root;
  private static Map<String, Element> libraries;

  @BeforeAll
  static void readPoms() throws Exception {
    // Surefire runs in the module's directory (app); the repository root is its parent.
    root = Path.of("..").toAbsolutePath().normalize();
    libraries = new LinkedHashMap<>();
    for (String module : texts(child(pom(root.resolve("pom.xml")), "modules"), "module")) {
      Element pom = pom(root.resolve(module).resolve("pom.xml"));
      String artifactId = text(pom, "artifactId");
      if (!NOT_LIBRARIES.contains(artifactId)) {
        libraries.put(artifactId, pom);
      }
    }
  }

  @Test
  void theLibraryModulesAreFoundSoTheChecksBelowCannotPassEmpty() {
    assertThat(libraries.keySet())
        .contains("realtime-ports", "realtime-core", "realtime-adapter-memory", "realtime-server");
  }

  @Test
  void bomManagesExactlyTheLibraryModulesAtTheProjectVersion() throws Exception {
    Element bom = pom(root.resolve("realtime-bom/pom.xml"));
    assertThat(managed(bom).keySet())
        .as("realtime-bom's dependencyManagement")
        .containsExactlyInAnyOrderElementsOf(libraries.keySet());
    assertThat(new TreeSet<>(managed(bom).values())).containsExactly("${project.version}");
    String parentVersion = text(pom(root.resolve("pom.xml")), "version");
    assertThat(text(bom, "version")).as("the BOM's own version").isEqualTo(parentVersion);
  }

  @Test
  void rootDependencyManagementListsEveryLibraryModuleToo() throws Exception {
    Map<String, String> project = new LinkedHashMap<>();
    managed(pom(root.resolve("pom.xml")))
        .forEach(
            (artifactId, version) -> {
              if (version.equals("${project.version}")) {
                project.put(artifactId, version);
              }
            });
    assertThat(project.keySet()).containsExactlyInAnyOrderElementsOf(libraries.keySet());
  }

  @Test
  void everyLibraryJarNamesItsModuleAfterItsArtifactId() {
    libraries.forEach(
        (artifactId, pom) -> {
          String expected =
              "bd.com.getit.realtime."
                  + artifactId.substring("realtime-".length()).replace('-', '.');
          NodeList names = pom.getElementsByTagName("Automatic-Module-Name");
          assertThat(names.getLength()).as("Automatic-Module-Name in %s", artifactId).isEqualTo(1);
          assertThat(names.item(0).getTextContent().strip()).as(artifactId).isEqualTo(expected);
        });
  }

  private static Element pom(Path file) throws Exception {
    assertThat(file).exists();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (var in = Files.newInputStream(file)) {
      return factory.newDocumentBuilder().parse(in).getDocumentElement();
    }
  }

  /** groupId bd.com.getit entries of a pom's dependencyManagement: artifact id to version. */
  private static Map<String, String> managed(Element pom) {
    Map<String, String> out = new LinkedHashMap<>();
    Element management = child(pom, "dependencyManagement");
    if (management == null) {
      return out;
    }
    for (Element dependency : children(child(management, "dependencies"), "dependency")) {
      if ("bd.com.getit".equals(text(dependency, "groupId"))) {
        out.put(text(dependency, "artifactId"), text(dependency, "version"));
      }
    }
    return out;
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  /** Direct children only: a pom's parent and dependencies have artifactIds of their own. */
  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().strip();
  }

  private static List<String> texts(Element parent, String name) {
    return children(parent, name).stream().map(e -> e.getTextContent().strip()).toList();
  }
}
