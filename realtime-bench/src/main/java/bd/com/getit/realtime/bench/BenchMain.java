package bd.com.getit.realtime.bench;

import bd.com.getit.realtime.bench.measure.JfrSummary;
import bd.com.getit.realtime.bench.measure.Report;
import bd.com.getit.realtime.bench.measure.ResultsTable;
import bd.com.getit.realtime.bench.measure.Targets;
import bd.com.getit.realtime.bench.scenario.BenchOptions;
import bd.com.getit.realtime.bench.scenario.Scenario;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The bench's command line: a load scenario against a running server, the JMH benchmarks, or the
 * comparison table of a results file.
 */
public final class BenchMain {

  private static final String USAGE =
      String.join(
          "\n",
          "usage:",
          "  java -jar realtime-bench.jar <connections|fanout|many-channels|few-channels|chat|cluster>",
          "       (fanout, many-channels, few-channels and cluster also as <name>-rest: every",
          "       publish a POST /api/v1/realtime/events)",
          "       --target http://127.0.0.1:8080[,url2,...] --pid <server pid>[,pid2,...]",
          "       --secret <HS256 secret> [--server java|node] [--publish socket|rest]",
          "       [--quick] [--out results.tsv] [--loops 2] [--<parameter> <value>]",
          "  java -jar realtime-bench.jar soak --target URL --pid PID --secret S [--duration 3600]",
          "       [--sample-seconds 10] [--sockets 2000] [--soak-dir DIR] (see SoakScenario)",
          "  java -jar realtime-bench.jar table <results.tsv> [ours=java] [baseline=node]",
          "  java -jar realtime-bench.jar targets <results.tsv> [ours=java] [baseline=node]",
          "       (issue 12's targets with a verdict each)",
          "  java -jar realtime-bench.jar floor            (syscall and loopback TCP floor)",
          "  java -jar realtime-bench.jar jfr-summary <recording.jfr> [lines per table]",
          "  java -jar realtime-bench.jar jmh [JMH options] (the JMH benchmarks)",
          "  java -jar realtime-bench.jar mobile --target <url> --secret <secret> [--profiles 2g,3g,4g]",
          "       [--seconds 20] [--phones 3] (simulated 2G/3G/4G links, docs/mobile.md)",
          "  java -jar realtime-bench.jar link --port <p> --target <host:port> [--profile 2g]",
          "       (the link simulator alone; stdin: outage <seconds>)");

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println(USAGE);
      System.exit(2);
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    switch (args[0]) {
      case "table":
        System.out.print(
            ResultsTable.markdown(
                Path.of(rest.get(0)),
                rest.size() > 1 ? rest.get(1) : "java",
                rest.size() > 2 ? rest.get(2) : "node"));
        return;
      case "targets":
        System.out.print(
            Targets.markdown(
                Path.of(rest.get(0)),
                rest.size() > 1 ? rest.get(1) : "java",
                rest.size() > 2 ? rest.get(2) : "node"));
        return;
      case "jfr-summary":
        JfrSummary.print(
            Path.of(rest.get(0)), rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 12, System.out);
        return;
      case "floor":
        Floor.main(rest.toArray(new String[0]));
        return;
      case "jmh":
        org.openjdk.jmh.Main.main(rest.toArray(new String[0]));
        return;
      case "mobile":
        bd.com.getit.realtime.bench.mobile.MobileBench.main(rest.toArray(new String[0]));
        return;
      case "link":
        try {
          bd.com.getit.realtime.bench.mobile.LinkMain.main(rest.toArray(new String[0]));
        } catch (IllegalArgumentException e) {
          System.err.println(e.getMessage() + "\n" + USAGE);
          System.exit(2);
        }
        return;
      default:
        break;
    }
    Scenario scenario = Scenario.named(args[0]);
    if (scenario == null) {
      System.err.println("unknown command " + args[0] + "\n" + USAGE);
      System.exit(2);
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(rest);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    System.out.println(
        "== "
            + scenario.name()
            + " against "
            + options.serverLabel()
            + (options.quick() ? " (quick)" : ""));
    scenario.run(options, new Report(options.serverLabel(), scenario.name(), options.out()));
    System.exit(0); // selector threads are daemons, but HTTP client threads may linger
  }
}
