package bd.com.getit.realtime.bench.scenario;

import bd.com.getit.realtime.bench.client.SioListener;
import bd.com.getit.realtime.bench.client.Tokens;

/** Builds the publisher a run asks for ({@code --publish socket|rest}) on the first target. */
final class Publishers {

  private Publishers() {}

  static Publisher open(BenchOptions o, Fleet fleet, Tokens tokens) throws InterruptedException {
    String token = tokens.token("bench-publisher", "service");
    if (o.publish().equals("rest")) {
      return Publisher.rest(o.targets().get(0), token);
    }
    Fleet.Opened opened =
        fleet.connect(1, i -> o.targets().get(0), i -> token, new SioListener() {}, 1, 30);
    if (opened.connections().isEmpty()) {
      throw new IllegalStateException("the publisher could not connect:" + fleet.reasons());
    }
    return Publisher.socket(opened.connections().get(0));
  }
}
