package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.BusRecord;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.StreamOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Carries domain events (never protocol frames) between the nodes of a cluster. Every event gets an
 * offset, increasing in publication order; offsets double as recovery offsets.
 *
 * <p>Contract: a node's listener receives every event published by other nodes exactly once and in
 * offset order, and never its own publications (the publisher delivers those locally). Listeners
 * run on the bus's own thread and must not block. Thread-safe.
 */
public interface ClusterBus {

  /** Publishes {@code event} as {@code origin}; completes with its offset. */
  CompletionStage<StreamOffset> publish(NodeId origin, Event event);

  /**
   * Delivers other nodes' events to {@code listener} from now on. Closing the subscription stops
   * delivery; closing it twice is harmless.
   */
  Subscription subscribe(NodeId self, Consumer<BusRecord> listener);

  /**
   * Every event (of every origin) published after {@code after}, in order; empty when the bus no
   * longer holds everything since that offset (it is too old), so recovery must fail.
   */
  CompletionStage<Optional<List<BusRecord>>> since(StreamOffset after);

  /** The offset of the newest event, if any: where a new session's recovery starts. */
  CompletionStage<Optional<StreamOffset>> latest();

  /** A live subscription. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
