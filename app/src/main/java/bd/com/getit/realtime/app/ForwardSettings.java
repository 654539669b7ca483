package bd.com.getit.realtime.app;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.cluster.NodeAddress;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;

/**
 * How a node of a cluster serves requests for sessions another node holds (only with {@code
 * REALTIME_REDIS_URL}): it forwards them to the owner at the base URL the owner advertises.
 *
 * @param nodeUrl {@code REALTIME_NODE_URL}: the base URL the other nodes reach this node at, {@code
 *     http://host:port}; absent: see {@link #nodeUrl(String, int)}
 * @param maxInFlight {@code REALTIME_FORWARD_MAX_IN_FLIGHT}: forwarded polling requests waiting for
 *     their owner at once; more are answered 503
 */
public record ForwardSettings(Optional<URI> nodeUrl, int maxInFlight) {

  public ForwardSettings {
    Objects.requireNonNull(nodeUrl, "nodeUrl");
  }

  static ForwardSettings from(Env env) {
    Optional<URI> url = env.uri("REALTIME_NODE_URL");
    url.ifPresent(
        u -> {
          try {
            new NodeAddress(NodeId.of("check"), u);
          } catch (IllegalArgumentException e) {
            throw new ConfigException("REALTIME_NODE_URL", e.getMessage());
          }
        });
    return new ForwardSettings(
        url, env.integer("REALTIME_FORWARD_MAX_IN_FLIGHT", 10_000, 1, 1_000_000));
  }

  /**
   * The base URL other nodes reach this node at: {@code REALTIME_NODE_URL}, else {@code http://}
   * the listening host (when it is one address), else this machine's first non-loopback IPv4
   * address (or 127.0.0.1), and the port actually listened on.
   */
  URI nodeUrl(String listenHost, int port) {
    if (nodeUrl.isPresent()) {
      return nodeUrl.get();
    }
    String host =
        "0.0.0.0".equals(listenHost) || "::".equals(listenHost) || listenHost.isBlank()
            ? firstNonLoopbackAddress().orElse("127.0.0.1")
            : listenHost;
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
  }

  private static Optional<String> firstNonLoopbackAddress() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
            return Optional.of(address.getHostAddress());
          }
        }
      }
    } catch (SocketException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
