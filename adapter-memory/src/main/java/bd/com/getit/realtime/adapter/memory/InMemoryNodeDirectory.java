package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.cluster.NodeAddress;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.NodeDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The addresses of the nodes of one process, lapsing by the clock. Thread-safe; returns completed
 * stages. Memory: one entry per node that ever advertised and did not withdraw (lapsed entries are
 * dropped when listed).
 */
public final class InMemoryNodeDirectory implements NodeDirectory {
  private record Entry(NodeAddress address, Instant until) {}

  private final Clock clock;
  private final Map<NodeId, Entry> entries = new ConcurrentHashMap<>();

  public InMemoryNodeDirectory(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CompletionStage<Void> advertise(NodeAddress address, Duration ttl) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl > 0, was " + ttl);
    }
    entries.put(address.node(), new Entry(address, clock.now().plus(ttl)));
    return completedFuture(null);
  }

  @Override
  public CompletionStage<Void> withdraw(NodeId node) {
    entries.remove(Objects.requireNonNull(node, "node"));
    return completedFuture(null);
  }

  @Override
  public CompletionStage<List<NodeAddress>> addresses() {
    Instant now = clock.now();
    List<NodeAddress> live = new ArrayList<>();
    entries.forEach(
        (node, entry) -> {
          if (entry.until().isAfter(now)) {
            live.add(entry.address());
          } else {
            entries.remove(node, entry);
          }
        });
    return completedFuture(List.copyOf(live));
  }
}
