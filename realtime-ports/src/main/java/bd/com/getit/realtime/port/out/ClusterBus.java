package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.cluster.BusRecord;
import bd.com.getit.realtime.domain.cluster.ClusterMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Carries {@link ClusterMessage}s (domain events and the admin API's commands, never protocol
 * frames) between the nodes of a cluster. Every message gets an offset, increasing in publication
 * order; offsets double as recovery offsets.
 *
 * <p>Contract: a node's listener receives every message published by other nodes exactly once and
 * in offset order, of the type it was published as, and never its own publications (the publisher
 * acts on those locally). Listeners run on the bus's own thread and must not block. A message the
 * bus cannot decode (an unknown type, say, from a newer node) is logged and skipped, never
 * delivered as something else. Thread-safe.
 */
public interface ClusterBus {

  /** Publishes {@code message} as {@code origin}; completes with its offset. */
  CompletionStage<StreamOffset> publish(NodeId origin, ClusterMessage message);

  /**
   * Delivers other nodes' messages to {@code listener} from now on. Closing the subscription stops
   * delivery; closing it twice is harmless.
   */
  Subscription subscribe(NodeId self, Consumer<BusRecord> listener);

  /**
   * Every message (of every origin and type) published after {@code after}, in order; empty when
   * the bus no longer holds everything since that offset (it is too old), so recovery must fail.
   */
  CompletionStage<Optional<List<BusRecord>>> since(StreamOffset after);

  /** The offset of the newest message, if any: where a new session's recovery starts. */
  CompletionStage<Optional<StreamOffset>> latest();

  /** A live subscription. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
