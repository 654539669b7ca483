package bd.com.getit.realtime.core.testing;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.cluster.BusRecord;
import bd.com.getit.realtime.domain.cluster.ClusterMessage;
import bd.com.getit.realtime.port.out.ClusterBus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A bus log in memory: offsets {@code 1-0}, {@code 2-0}, ...; publishes complete at once unless
 * {@link #hold} is set, in which case they wait in {@link #pending} until completed by the test.
 */
public final class FakeBus implements ClusterBus {
  public final List<BusRecord> log = new CopyOnWriteArrayList<>();
  public final List<CompletableFuture<StreamOffset>> pending = new CopyOnWriteArrayList<>();
  public final List<Consumer<BusRecord>> listeners = new CopyOnWriteArrayList<>();
  public volatile boolean hold;
  public volatile int subscribeCalls;
  public volatile int closeCalls;
  public volatile Optional<StreamOffset> truncatedBefore = Optional.empty();

  public static StreamOffset offset(int n) {
    return new StreamOffset(n + "-0");
  }

  @Override
  public synchronized CompletionStage<StreamOffset> publish(NodeId origin, ClusterMessage message) {
    StreamOffset offset = offset(log.size() + 1);
    log.add(new BusRecord(offset, origin, message));
    if (!hold) {
      return CompletableFuture.completedFuture(offset);
    }
    CompletableFuture<StreamOffset> later = new CompletableFuture<>();
    pending.add(later);
    return later;
  }

  /** Completes the held publish {@code index} (0-based) with its offset. */
  public void release(int index) {
    pending.get(index).complete(offset(index + 1));
  }

  @Override
  public Subscription subscribe(NodeId self, Consumer<BusRecord> listener) {
    subscribeCalls++;
    listeners.add(listener);
    return () -> {
      closeCalls++;
      listeners.remove(listener);
    };
  }

  /** Hands a record to the subscribers, as if another node had published it. */
  public void emit(BusRecord record) {
    listeners.forEach(l -> l.accept(record));
  }

  @Override
  public CompletionStage<Optional<List<BusRecord>>> since(StreamOffset after) {
    if (truncatedBefore.isPresent()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    List<BusRecord> out = new ArrayList<>();
    boolean found = false;
    for (BusRecord r : log) {
      if (found) {
        out.add(r);
      }
      found |= r.offset().equals(after);
    }
    return CompletableFuture.completedFuture(Optional.of(out));
  }

  @Override
  public CompletionStage<Optional<StreamOffset>> latest() {
    return CompletableFuture.completedFuture(
        log.isEmpty() ? Optional.empty() : Optional.of(log.get(log.size() - 1).offset()));
  }
}
