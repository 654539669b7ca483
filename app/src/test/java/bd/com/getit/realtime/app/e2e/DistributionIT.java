package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball Maven builds, used as an operator would (docs/operations.md): unpacked, started with
 * {@code bin/realtime}, ready, and stopped with SIGTERM; {@code check-config} and the systemd
 * unit's stop timeout checked against the example environment.
 */
class DistributionIT {
  private static final Duration START = Duration.ofSeconds(90);

  /** The launcher runs the JDK running the tests, whatever is first on the PATH. */
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  @TempDir static Path dir;
  private static Path home;
  private static String version;

  @BeforeAll
  static void unpack() throws Exception {
    version = System.getProperty("project.version");
    assertThat(version).as("failsafe passes project.version").isNotBlank();
    Path tarball = Path.of("target", "realtime-server-" + version + ".tar.gz");
    assertThat(tarball).as("built by the package phase").exists();
    Process tar =
        new ProcessBuilder("tar", "xzf", tarball.toAbsolutePath().toString(), "-C", dir.toString())
            .inheritIO()
            .start();
    assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).isZero();
    home = dir.resolve("realtime-server-" + version);
  }

  @Test
  void holdsTheLauncherTheJarTheEnvironmentAndTheUnit() throws IOException {
    assertThat(home.resolve("lib/realtime-server.jar")).isRegularFile();
    assertThat(Files.getPosixFilePermissions(home.resolve("bin/realtime")))
        .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    assertThat(home.resolve("docs/operations.md")).isRegularFile();
    assertThat(home.resolve("docs/grafana/realtime-dashboard.json")).isRegularFile();
    String unit = Files.readString(home.resolve("systemd/realtime.service"));
    assertThat(unit).contains("LimitNOFILE=1048576", "ExecStart=/opt/realtime/bin/realtime");
    // the stop timeout outlasts the drain grace of the example environment, with room to close
    int stopTimeout = Integer.parseInt(setting(unit, "TimeoutStopSec"));
    String env = Files.readString(home.resolve("etc/realtime.env.example"));
    int grace = Integer.parseInt(setting(env, "REALTIME_SHUTDOWN_GRACE_SECONDS"));
    assertThat(stopTimeout).isGreaterThanOrEqualTo(grace + 10);
  }

  @Test
  void checkConfigNamesTheBadVariableAndPassesAGoodOne() throws Exception {
    Run bad = run(Map.of("REALTIME_PORT", "eighty"), "check-config");
    assertThat(bad.code).isEqualTo(1);
    assertThat(bad.output).contains("REALTIME_PORT: must be an integer, was 'eighty'");

    Run good =
        run(
            Map.of("REALTIME_JWT_SECRET", TestServer.SECRET, "REALTIME_PORT", "8088"),
            "check-config");
    assertThat(good.code).as(good.output).isZero();
    assertThat(good.output)
        .contains("REALTIME_PORT=8088", "REALTIME_JWT_SECRET=****", "# configuration OK")
        .doesNotContain(TestServer.SECRET);
  }

  @Test
  void startsWithBinRealtimeGetsReadyAndStopsCleanlyOnSigterm() throws Exception {
    int port = freePort();
    Path log = dir.resolve("server.log");
    ProcessBuilder builder =
        new ProcessBuilder(home.resolve("bin/realtime").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("REALTIME_") || k.equals("JAVA_OPTS"));
    env.put("JAVA", JAVA);
    env.put("REALTIME_HOST", "127.0.0.1");
    env.put("REALTIME_PORT", Integer.toString(port));
    env.put("REALTIME_NODE_ID", "dist-it");
    env.put("REALTIME_JWT_SECRET", TestServer.SECRET);
    env.put("REALTIME_SHUTDOWN_GRACE_SECONDS", "1");
    env.put("REALTIME_HEAP_MAX", "256m");
    Process server = builder.start();
    try {
      HttpTestClient http = new HttpTestClient("http://127.0.0.1:" + port);
      await()
          .atMost(START)
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                assertThat(server.isAlive()).as(read(log)).isTrue();
                assertThat(http.get("/health/ready", null).status()).isEqualTo(200);
              });
      JSONObject info = new JSONObject(http.get("/info", null).body());
      assertThat(info.getString("version")).isEqualTo(version);
      assertThat(info.getString("node_id")).isEqualTo("dist-it");
      // the start log names the version and the commit, as /info does
      assertThat(read(log))
          .contains("Realtime " + version + " (" + info.getString("commit") + ") node dist-it");

      server.destroy(); // SIGTERM: bin/realtime exec'd the JVM, so the JVM gets it
      assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
      // 143 = 128 + SIGTERM: the JVM's status after its shutdown hook ran to the end
      assertThat(server.exitValue()).as(read(log)).isEqualTo(143);
      assertThat(read(log))
          .contains("Realtime node dist-it stopped in")
          .doesNotContain("Exception", "ERROR");
    } finally {
      server.destroyForcibly();
    }
  }

  private record Run(int code, String output) {}

  private static Run run(Map<String, String> vars, String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = home.resolve("bin/realtime").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("REALTIME_"));
    builder.environment().put("REALTIME_HEAP_MAX", "128m");
    builder.environment().put("JAVA", JAVA);
    builder.environment().putAll(vars);
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), output);
  }

  private static String setting(String text, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "=(\\S+)").matcher(text);
    assertThat(m.find()).as(name).isTrue();
    return m.group(1);
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
