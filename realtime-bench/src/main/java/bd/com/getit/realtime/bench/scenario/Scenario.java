package bd.com.getit.realtime.bench.scenario;

import bd.com.getit.realtime.bench.measure.Report;

/** One named load scenario with fixed parameters (and a short {@code --quick} variant). */
public interface Scenario {

  String name();

  void run(BenchOptions options, Report report) throws Exception;

  /**
   * The scenario of that name, or null. A name ending in {@code -rest} is the same scenario with
   * every publish a {@code POST /api/v1/realtime/events} (whatever {@code --publish} says),
   * reported under its own name so that one results file holds both variants.
   */
  static Scenario named(String name) {
    if (name.endsWith(RestPublished.SUFFIX)) {
      Scenario base = named(name.substring(0, name.length() - RestPublished.SUFFIX.length()));
      return base == null ? null : new RestPublished(base);
    }
    switch (name) {
      case "connections":
        return new ConnectionsScenario();
      case "fanout":
        return new FanoutScenario(false, false);
      case "cluster":
        return new FanoutScenario(true, false);
      case "many-channels":
        return new ManyChannelsScenario(ManyChannelsScenario.MANY_SMALL);
      case "few-channels":
        return new ManyChannelsScenario(ManyChannelsScenario.FEW_WIDE);
      case "chat":
        return new ChatScenario(false);
      case "chat-ceiling":
        return new ChatScenario(true);
      case "soak":
        return new SoakScenario();
      case "fanout-ceiling":
        return new FanoutScenario(false, true);
      default:
        return null;
    }
  }
}
