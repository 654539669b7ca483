package bd.com.getit.realtime.bench.scenario;

import bd.com.getit.realtime.bench.client.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a scenario run: where the server is, how to authenticate, how to publish, and
 * optional overrides of a scenario's fixed parameters.
 */
public record BenchOptions(
    List<Target> targets,
    List<Long> serverPids,
    String secret,
    String serverLabel,
    String publish,
    boolean quick,
    Path out,
    int loops,
    Map<String, String> overrides) {

  public BenchOptions {
    targets = List.copyOf(targets);
    serverPids = List.copyOf(serverPids);
    overrides = Map.copyOf(overrides);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("--target is required");
    }
    if (!publish.equals("socket") && !publish.equals("rest")) {
      throw new IllegalArgumentException("--publish must be socket or rest, was " + publish);
    }
    if (secret == null || secret.length() < 32) {
      throw new IllegalArgumentException(
          "--secret (32 bytes or more, as the server's) is required");
    }
  }

  /** Parses {@code --name value} pairs and {@code --quick}; unknown names are overrides. */
  public static BenchOptions parse(List<String> args) {
    Map<String, String> values = new HashMap<>();
    boolean quick = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--quick")) {
        quick = true;
      } else if (arg.startsWith("--") && i + 1 < args.size()) {
        values.put(arg.substring(2), args.get(++i));
      } else {
        throw new IllegalArgumentException("unexpected argument: " + arg);
      }
    }
    List<Target> targets = new ArrayList<>();
    for (String url : values.getOrDefault("target", "http://127.0.0.1:8080").split(",")) {
      targets.add(Target.of(url.trim()));
    }
    List<Long> pids = new ArrayList<>();
    String pidList = values.getOrDefault("pid", "");
    for (String pid : pidList.split(",")) {
      if (!pid.isBlank()) {
        pids.add(Long.parseLong(pid.trim()));
      }
    }
    Map<String, String> overrides = new HashMap<>(values);
    for (String known : List.of("target", "pid", "secret", "server", "publish", "out", "loops")) {
      overrides.remove(known);
    }
    return new BenchOptions(
        targets,
        pids,
        values.getOrDefault("secret", System.getenv("REALTIME_JWT_SECRET")),
        values.getOrDefault("server", "server"),
        values.getOrDefault("publish", "socket"),
        quick,
        values.containsKey("out") ? Path.of(values.get("out")) : null,
        Integer.parseInt(values.getOrDefault("loops", "2")),
        overrides);
  }

  /** These options with every publish made the given way ({@code socket} or {@code rest}). */
  public BenchOptions publishingOver(String way) {
    return new BenchOptions(
        targets, serverPids, secret, serverLabel, way, quick, out, loops, overrides);
  }

  /** A scenario parameter: the override if given, else the quick or the full value. */
  public int param(String name, int full, int quickValue) {
    String value = overrides.get(name);
    return value != null ? Integer.parseInt(value) : quick ? quickValue : full;
  }
}
