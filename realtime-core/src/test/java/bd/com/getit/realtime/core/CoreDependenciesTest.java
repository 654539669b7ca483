package bd.com.getit.realtime.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's own architecture rules, read from its sources so they hold for embedders who build the
 * core alone: JDK-only imports, no cycles between its packages (the root holds the shared seams,
 * {@code assembly} wires them), a package-info everywhere. The app's ArchUnit test checks the same
 * on the compiled classes of every module.
 */
class CoreDependenciesTest {
  private static final Path SOURCES = Path.of("src/main/java/bd/com/getit/realtime/core");
  private static final Pattern IMPORT =
      Pattern.compile("^import (static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);
  private static final String CORE = "bd.com.getit.realtime.core";
  private static final Map<String, Set<String>> imports = new HashMap<>();
  private static final Map<String, Set<String>> packageDeps = new HashMap<>();

  @BeforeAll
  static void read() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        String pkg = packageOf(text);
        Matcher m = IMPORT.matcher(text);
        Set<String> found = imports.computeIfAbsent(file.toString(), k -> new HashSet<>());
        while (m.find()) {
          found.add(m.group(2));
          if (m.group(2).startsWith(CORE)) {
            String target = m.group(2);
            // A nested type import names its outer class: keep the package part only.
            while (!Character.isLowerCase(
                target.substring(target.lastIndexOf('.') + 1).charAt(0))) {
              target = target.substring(0, target.lastIndexOf('.'));
            }
            if (!target.equals(pkg)) {
              packageDeps.computeIfAbsent(pkg, k -> new HashSet<>()).add(target);
            }
          }
        }
      }
    }
  }

  private static String packageOf(String text) {
    Matcher m = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(text);
    if (!m.find()) {
      throw new AssertionError("no package");
    }
    return m.group(1);
  }

  @Test
  void importsOnlyTheJdkAndTheProject() {
    assertThat(imports).isNotEmpty();
    imports.forEach(
        (file, found) ->
            assertThat(found)
                .as(file)
                .allMatch(i -> i.startsWith("java.") || i.startsWith("bd.com.getit.realtime.")));
  }

  @Test
  void hasNoPackageCycles() {
    assertThat(packageDeps).containsKey(CORE + ".routing");
    for (String start : packageDeps.keySet()) {
      assertThat(reachable(start)).as("packages reachable from " + start).doesNotContain(start);
    }
  }

  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    try (Stream<Path> dirs = Files.walk(SOURCES)) {
      List<Path> missing = new ArrayList<>();
      dirs.filter(Files::isDirectory)
          .filter(d -> !d.resolve("package-info.java").toFile().exists())
          .forEach(missing::add);
      assertThat(missing).isEmpty();
    }
  }

  private static Set<String> reachable(String start) {
    Set<String> seen = new HashSet<>();
    List<String> todo = new ArrayList<>(packageDeps.getOrDefault(start, Set.of()));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (seen.add(next)) {
        todo.addAll(packageDeps.getOrDefault(next, Set.of()));
      }
    }
    return seen;
  }
}
