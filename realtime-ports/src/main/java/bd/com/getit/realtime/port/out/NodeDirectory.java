package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.cluster.NodeAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where each node of a cluster is reached by the others: a live node advertises its base URL for a
 * time to live and renews it (with its heartbeat); an advertisement that lapsed is no longer
 * listed, so a node that died stops being named within that time. Used to serve a client's request
 * on the node that holds its session. Thread-safe; calls return at once (they may be called from a
 * network thread) and complete on the adapter's thread.
 */
public interface NodeDirectory {

  /**
   * Lists {@code address} for {@code ttl} from now (by the directory's clock), replacing the node's
   * earlier advertisement.
   *
   * @throws IllegalArgumentException when {@code ttl} is not positive
   */
  CompletionStage<Void> advertise(NodeAddress address, Duration ttl);

  /**
   * Removes {@code node}'s advertisement at once (a graceful stop); harmless when there is none.
   */
  CompletionStage<Void> withdraw(NodeId node);

  /** The advertisements that have not lapsed, one per node, in no particular order. */
  CompletionStage<List<NodeAddress>> addresses();
}
