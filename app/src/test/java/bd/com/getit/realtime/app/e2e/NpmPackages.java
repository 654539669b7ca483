package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The npm packages the JavaScript tests use ({@code src/test/js/package.json}: the official {@code
 * socket.io-client}, TypeScript and the project's declarations), installed once from the npm
 * registry into {@code target/js-client}.
 */
final class NpmPackages {
  static final Path DIR = Path.of("target", "js-client").toAbsolutePath();

  private NpmPackages() {}

  /** Installs the packages unless they are there; returns the folder that holds node_modules. */
  static synchronized Path install() throws IOException, InterruptedException {
    Files.createDirectories(DIR);
    for (String file :
        List.of("package.json", "tsconfig.json", "node-globals.d.ts", "js-client.mjs")) {
      Files.copy(
          Path.of("src", "test", "js", file),
          DIR.resolve(file),
          StandardCopyOption.REPLACE_EXISTING);
    }
    // package.json names clients/typescript as a file: dependency, linked, so edits there count.
    boolean installed =
        Stream.of("socket.io-client", "typescript", "realtime-events")
            .allMatch(pkg -> Files.isDirectory(DIR.resolve("node_modules").resolve(pkg)));
    if (!installed) {
      run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), 300);
    }
    return DIR;
  }

  /** The official browser client: {@code socket.io-client}'s own bundle. */
  static Path browserClient() throws IOException, InterruptedException {
    Path file =
        install().resolve("node_modules/socket.io-client/dist/socket.io.min.js").toAbsolutePath();
    assertThat(file).as("the browser bundle of socket.io-client").isRegularFile();
    return file;
  }

  /** Runs {@code command} in the packages' folder; its output, after asserting it succeeded. */
  static String run(List<String> command, int seconds) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
    boolean done = process.waitFor(seconds, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      process.destroyForcibly();
    }
    assertThat(done).as("%s finished in %d s: %s", command, seconds, output).isTrue();
    assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
    return output;
  }
}
