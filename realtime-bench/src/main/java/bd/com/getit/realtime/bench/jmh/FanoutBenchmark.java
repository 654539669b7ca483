package bd.com.getit.realtime.bench.jmh;

import bd.com.getit.realtime.adapter.websocket.gateway.SocketIoDelivery;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.StreamOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One event encoded once and queued to 10,000 sockets through {@link SocketIoDelivery}: the
 * gateway's share of a fanout, without the transport's write. Divide the time by 10,000 for the
 * cost per delivered message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FanoutBenchmark {

  private static final int SOCKETS = 10_000;

  private SocketIoDelivery delivery;
  private List<ConnectionId> targets;
  private Outbound outbound;

  @Setup
  public void setUp() {
    delivery = new SocketIoDelivery();
    targets = new ArrayList<>(SOCKETS);
    for (int i = 0; i < SOCKETS; i++) {
      ConnectionId id = ConnectionId.of("conn-" + i);
      targets.add(id);
      delivery.register(id, new QueueingSocket("s" + i));
    }
    JsonValue envelope =
        JsonValue.JsonObject.builder()
            .put("id", "0b6a3c52-9f1e-4a57-8f43-3c1d3e7e2a10")
            .put("event", "product_price_change")
            .put("channel", "product:123")
            .put(
                "data",
                JsonValue.JsonObject.builder()
                    .put("product_id", "123")
                    .put("old_price", 1250)
                    .put("new_price", 1199)
                    .build())
            .put("timestamp", "2026-11-27T07:00:00Z")
            .put("priority", "high")
            .build();
    outbound =
        new Outbound(
            "product_price_change",
            envelope,
            Priority.HIGH,
            Optional.of(new StreamOffset("1732690800000-0")),
            false);
  }

  @Benchmark
  public int deliverTo10000Sockets() {
    return delivery.deliver(targets, outbound);
  }
}
