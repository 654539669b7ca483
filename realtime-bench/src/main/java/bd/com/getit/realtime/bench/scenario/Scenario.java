package bd.com.getit.realtime.bench.scenario;

import bd.com.getit.realtime.bench.measure.Report;

/** One named load scenario with fixed parameters (and a short {@code --quick} variant). */
public interface Scenario {

  String name();

  void run(BenchOptions options, Report report) throws Exception;

  /** The scenario of that name, or null. */
  static Scenario named(String name) {
    switch (name) {
      case "connections":
        return new ConnectionsScenario();
      case "fanout":
        return new FanoutScenario(false);
      case "cluster":
        return new FanoutScenario(true);
      case "many-channels":
        return new ManyChannelsScenario();
      case "chat":
        return new ChatScenario();
      default:
        return null;
    }
  }
}
