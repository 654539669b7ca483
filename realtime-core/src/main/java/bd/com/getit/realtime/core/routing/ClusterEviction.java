package bd.com.getit.realtime.core.routing;

import bd.com.getit.realtime.core.ChannelEviction;
import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.cluster.ClusterMessage;
import bd.com.getit.realtime.port.out.ClusterBus;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Evicts a user from a channel here, then tells the other nodes with a {@link
 * ClusterMessage.LeaveChannelCommand} (their {@link EventRouter} hands it to the same local
 * eviction). A bus that fails leaves the other nodes' sockets subscribed: the failure is returned.
 * Thread-safe.
 */
public final class ClusterEviction implements ChannelEviction {
  private final NodeId node;
  private final ClusterBus bus;
  private final ChannelEviction local;

  /**
   * @param local the eviction of this node's sockets alone
   */
  public ClusterEviction(NodeId node, ClusterBus bus, ChannelEviction local) {
    this.node = Objects.requireNonNull(node, "node");
    this.bus = Objects.requireNonNull(bus, "bus");
    this.local = Objects.requireNonNull(local, "local");
  }

  @Override
  public CompletionStage<Void> evict(UserId user, ChannelName channel) {
    return Stages.guard(() -> local.evict(user, channel))
        .thenCompose(
            v ->
                bus.publish(node, new ClusterMessage.LeaveChannelCommand(user, channel))
                    .thenApply(offset -> (Void) null));
  }
}
