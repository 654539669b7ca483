package bd.com.getit.realtime.bench.scenario;

import bd.com.getit.realtime.bench.client.SioConnection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Joins connections to channels with {@code join_channel} and checks every ack. */
final class Joins {

  private Joins() {}

  /**
   * Joins each connection to the channel {@code channelOf} names and waits for the acks.
   *
   * @return how many joins were refused or not acknowledged in time
   */
  static int join(List<SioConnection> connections, Function<SioConnection, String> channelOf)
      throws InterruptedException {
    CountDownLatch acked = new CountDownLatch(connections.size());
    AtomicInteger refused = new AtomicInteger();
    Semaphore inFlight = new Semaphore(500);
    for (SioConnection c : connections) {
      if (!inFlight.tryAcquire(60, TimeUnit.SECONDS)) {
        break;
      }
      c.emitWithAck(
          "join_channel",
          "{\"channels\":[\"" + channelOf.apply(c) + "\"]}",
          (json, rtt) -> {
            if (!json.contains("\"ok\":true") || !json.contains("\"rejected\":[]")) {
              if (refused.incrementAndGet() <= 3) {
                System.out.println("  # join refused: " + json);
              }
            }
            inFlight.release();
            acked.countDown();
          });
    }
    if (!acked.await(60, TimeUnit.SECONDS)) {
      return refused.get() + (int) acked.getCount();
    }
    return refused.get();
  }
}
