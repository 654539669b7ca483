package bd.com.getit.realtime.bench.scenario;

import bd.com.getit.realtime.bench.measure.Report;

/**
 * A scenario whose publishes all go over REST ({@code POST /api/v1/realtime/events} with a {@code
 * service} token), as a platform's own services publish: the request path is HTTP, JSON and the
 * ingest checks instead of a socket event and its ack.
 */
final class RestPublished implements Scenario {

  static final String SUFFIX = "-rest";

  private final Scenario base;

  RestPublished(Scenario base) {
    this.base = base;
  }

  @Override
  public String name() {
    return base.name() + SUFFIX;
  }

  @Override
  public void run(BenchOptions options, Report report) throws Exception {
    base.run(options.publishingOver("rest"), report);
  }
}
