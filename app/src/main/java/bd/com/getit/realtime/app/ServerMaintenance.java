package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.redis.RedisAdapters;
import bd.com.getit.realtime.adapter.websocket.forward.SessionForwarder;
import bd.com.getit.realtime.core.assembly.RealtimeCore;
import bd.com.getit.realtime.domain.cluster.NodeAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's periodic work: the core's own chores ({@link RealtimeCore#start()}: presence sweep,
 * recovery renewal, cluster heartbeat) and the server's, which is to advertise this node's address
 * to the others with each heartbeat, so that they forward requests for its sessions here.
 */
final class ServerMaintenance implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerMaintenance.class);

  private final RealtimeCore core;
  private final Optional<RedisAdapters> redis;
  private final Optional<SessionForwarder> forwarder;
  private final Duration nodeTimeout;
  private final ScheduledThreadPoolExecutor timers;
  private volatile NodeAddress address; // set once listening: what the other nodes forward to

  ServerMaintenance(
      RealtimeCore core,
      Optional<RedisAdapters> redis,
      Optional<SessionForwarder> forwarder,
      Optional<RedisSettings> settings) {
    this.core = core;
    this.redis = redis;
    this.forwarder = forwarder;
    this.nodeTimeout = settings.map(RedisSettings::nodeTimeout).orElse(Duration.ZERO);
    this.timers =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "realtime-timers");
              t.setDaemon(true);
              return t;
            });
    core.start();
    // The advertisement rides with the heartbeat, at the same rate.
    settings.ifPresent(
        s ->
            timers.scheduleAtFixedRate(
                this::advertise, 0, s.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS));
  }

  /** Starts advertising this node at {@code self}, once it listens there. */
  void advertiseAt(NodeAddress self) {
    address = self;
    advertise();
  }

  /** Stops advertising this node and withdraws its address: the others stop forwarding here. */
  void withdraw() {
    NodeAddress self = address;
    address = null;
    if (self != null) {
      redis.ifPresent(r -> r.nodeDirectory().withdraw(self.node()));
    }
  }

  /** Stops the chores and leaves the cluster, after the node stopped serving. */
  void leave() {
    timers.shutdownNow();
    core.maintenance().close();
  }

  /** Stops the chores without a word to the cluster, as a crash would. */
  void halt() {
    timers.shutdownNow();
    core.maintenance().abandon();
  }

  /** Closes the core (stopping its bus subscription; the chores too, if still running). */
  @Override
  public void close() {
    timers.shutdownNow();
    core.close();
  }

  /** Tells the other nodes where this one is, and learns where they are (with the heartbeat). */
  private void advertise() {
    NodeAddress self = address;
    if (self == null || redis.isEmpty() || forwarder.isEmpty()) {
      return;
    }
    // A scheduled task that throws is never run again: keep advertising whatever happens.
    try {
      var directory = redis.get().nodeDirectory();
      directory
          .advertise(self, nodeTimeout)
          .thenCompose(done -> directory.addresses())
          .whenComplete(
              (live, failure) -> {
                if (failure != null) {
                  LOG.warn("advertising this node's address failed: {}", failure.toString());
                } else {
                  forwarder.get().updatePeers(live);
                }
              });
    } catch (RuntimeException e) {
      LOG.warn("advertising this node's address failed", e);
    }
  }
}
