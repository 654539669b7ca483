package bd.com.getit.realtime.core.testing;

import bd.com.getit.realtime.domain.BusRecord;
import bd.com.getit.realtime.domain.ClusterMessage;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.port.out.ClusterBus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** One bus shared by several nodes in one JVM; other nodes' listeners run synchronously. */
public final class SharedBus implements ClusterBus {
  private final List<BusRecord> log = new ArrayList<>();
  private final Map<Consumer<BusRecord>, NodeId> listeners = new ConcurrentHashMap<>();

  @Override
  public synchronized CompletionStage<StreamOffset> publish(NodeId origin, ClusterMessage message) {
    BusRecord record = new BusRecord(new StreamOffset((log.size() + 1) + "-0"), origin, message);
    log.add(record);
    listeners.forEach(
        (listener, node) -> {
          if (!node.equals(origin)) {
            listener.accept(record);
          }
        });
    return CompletableFuture.completedFuture(record.offset());
  }

  @Override
  public Subscription subscribe(NodeId self, Consumer<BusRecord> listener) {
    listeners.put(listener, self);
    return () -> listeners.remove(listener);
  }

  @Override
  public synchronized CompletionStage<Optional<List<BusRecord>>> since(StreamOffset after) {
    int from = Integer.parseInt(after.value().split("-")[0]);
    return CompletableFuture.completedFuture(
        Optional.of(List.copyOf(log.subList(from, log.size()))));
  }

  @Override
  public synchronized CompletionStage<Optional<StreamOffset>> latest() {
    return CompletableFuture.completedFuture(
        log.isEmpty() ? Optional.empty() : Optional.of(log.get(log.size() - 1).offset()));
  }
}
