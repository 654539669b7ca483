package bd.com.getit.realtime.core.admin;

import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.core.Subscriptions;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.cluster.ClusterMessage;
import bd.com.getit.realtime.domain.cluster.NodeStats;
import bd.com.getit.realtime.domain.cluster.NodeStatus;
import bd.com.getit.realtime.domain.cluster.Stats;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.port.in.AdminUseCase;
import bd.com.getit.realtime.port.out.ClusterBus;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.port.out.LocalDelivery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The admin use cases, for principals with the {@code admin} role only ({@code FORBIDDEN}
 * otherwise). A socket of another node is disconnected by a {@link
 * ClusterMessage.DisconnectCommand} on the cluster bus, which only this service publishes and which
 * the node holding the socket carries out: no event, whoever publishes it, can do that.
 * Thread-safe.
 */
public final class AdminService implements AdminUseCase {

  private final NodeId node;
  private final ConnectionRegistry registry;
  private final Subscriptions subscriptions;
  private final LocalDelivery delivery;
  private final ClusterBus bus;
  private final DeliveryMeter meter;
  private final Supplier<CompletionStage<List<NodeStatus>>> liveNodes;

  /** A single node: the figures are this node's own. */
  public AdminService(
      NodeId node,
      ConnectionRegistry registry,
      Subscriptions subscriptions,
      LocalDelivery delivery,
      ClusterBus bus,
      DeliveryMeter meter) {
    this(
        node,
        registry,
        subscriptions,
        delivery,
        bus,
        meter,
        () -> Stages.completed(List.of(meter.status(node))));
  }

  /**
   * A node of a cluster: {@code liveNodes} gives what every live node last reported of itself (with
   * its heartbeat); the figures are totals over them.
   */
  public AdminService(
      NodeId node,
      ConnectionRegistry registry,
      Subscriptions subscriptions,
      LocalDelivery delivery,
      ClusterBus bus,
      DeliveryMeter meter,
      Supplier<CompletionStage<List<NodeStatus>>> liveNodes) {
    this.liveNodes = Objects.requireNonNull(liveNodes, "liveNodes");
    this.node = Objects.requireNonNull(node, "node");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.bus = Objects.requireNonNull(bus, "bus");
    this.meter = Objects.requireNonNull(meter, "meter");
  }

  @Override
  public CompletionStage<Stats> stats(Caller caller) {
    return asAdmin(
        caller,
        () ->
            liveNodes
                .get()
                .thenCompose(
                    statuses -> registry.all().thenApply(all -> clusterStats(statuses, all))));
  }

  /**
   * Totals over the live nodes and a row per live node; this node always counts as live (its own
   * report may not have reached the store yet). Connections still registered to a dead node that is
   * not yet cleaned up are left out.
   */
  private Stats clusterStats(List<NodeStatus> reported, List<ConnectionInfo> all) {
    Map<NodeId, NodeStatus> live = new TreeMap<>(Comparator.comparing(NodeId::value));
    for (NodeStatus status : reported) {
      live.put(status.node(), status);
    }
    live.put(node, meter.status(node));
    Map<NodeId, List<ConnectionInfo>> byNode = new HashMap<>();
    for (ConnectionInfo c : all) {
      byNode.computeIfAbsent(c.node(), n -> new ArrayList<>()).add(c);
    }
    List<NodeStats> rows = new ArrayList<>(live.size());
    Set<UserId> users = new HashSet<>();
    long connections = 0;
    double rate = 0;
    double weightedLatency = 0;
    for (NodeStatus status : live.values()) {
      List<ConnectionInfo> here = byNode.getOrDefault(status.node(), List.of());
      long usersHere = here.stream().map(ConnectionInfo::user).distinct().count();
      here.forEach(c -> users.add(c.user()));
      connections += here.size();
      rate += status.messagesPerSecond();
      weightedLatency += status.messagesPerSecond() * status.averageLatencyMs();
      rows.add(
          new NodeStats(
              status.node(),
              here.size(),
              usersHere,
              status.messagesPerSecond(),
              status.averageLatencyMs(),
              status.startedAt()));
    }
    return new Stats(connections, users.size(), rate, rate > 0 ? weightedLatency / rate : 0, rows);
  }

  @Override
  public CompletionStage<List<ConnectionInfo>> connections(Caller caller) {
    return asAdmin(caller, registry::all);
  }

  @Override
  public CompletionStage<Void> disconnect(Caller caller, ConnectionId connection) {
    Objects.requireNonNull(connection, "connection");
    return asAdmin(
        caller,
        () -> {
          if (subscriptions.principalOf(connection).isPresent()) {
            delivery.disconnect(connection, "admin disconnect");
            return Stages.done();
          }
          return registry.find(connection).thenCompose(found -> disconnect(connection, found));
        });
  }

  private CompletionStage<Void> disconnect(
      ConnectionId connection, Optional<ConnectionInfo> found) {
    if (found.isEmpty()) {
      return Stages.failed(ErrorCode.NOT_FOUND, "no live connection " + connection);
    }
    if (found.get().node().equals(node)) {
      delivery.disconnect(connection, "admin disconnect");
      return Stages.done();
    }
    return bus.publish(node, new ClusterMessage.DisconnectCommand(connection))
        .thenApply(offset -> null);
  }

  private static <T> CompletionStage<T> asAdmin(
      Caller caller, Supplier<? extends CompletionStage<T>> body) {
    Objects.requireNonNull(caller, "caller");
    if (!caller.principal().has(Role.ADMIN)) {
      return Stages.failed(ErrorCode.FORBIDDEN, "admins only");
    }
    return Stages.guard(body);
  }
}
