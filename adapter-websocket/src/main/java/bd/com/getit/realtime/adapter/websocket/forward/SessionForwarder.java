package bd.com.getit.realtime.adapter.websocket.forward;

import bd.com.getit.realtime.adapter.websocket.engineio.RemoteSessions;
import bd.com.getit.realtime.adapter.websocket.engineio.WebSocketConnection;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.cluster.NodeAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * This node's side of forwarding: marks its session ids with its {@link NodeTag}, and sends a
 * request for a session of a live peer to that peer, a polling request through {@link
 * PollForwarder}, a websocket through {@link WebSocketRelay}. The peers come from the node
 * directory, refreshed by the host ({@link #updatePeers}, with each heartbeat), so deciding is a
 * map lookup. Thread-safe. {@link #close} stops the HTTP client's threads.
 */
public final class SessionForwarder implements RemoteSessions, AutoCloseable {

  /**
   * Set on a forwarded request, naming the tag of the node that forwarded it: the owner never
   * forwards it again, so a stale directory cannot make a loop.
   */
  public static final String FORWARDED_BY = "X-Realtime-Forwarded-By";

  private final NodeTag self;
  private final ExecutorService executor;
  private final PollForwarder polls;
  private final WebSocketRelay relays;
  private volatile Map<NodeTag, URI> peers = Map.of();

  private SessionForwarder(NodeTag self, ForwardOptions options) {
    this.self = self;
    AtomicInteger count = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "realtime-forward-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(options.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();
    this.polls = new PollForwarder(http, options, self);
    this.relays = new WebSocketRelay(http, options, self);
  }

  /** The forwarder of node {@code self}; it knows no peer until {@link #updatePeers}. */
  public static SessionForwarder create(NodeId self, ForwardOptions options) {
    return new SessionForwarder(NodeTag.of(self), Objects.requireNonNull(options, "options"));
  }

  /** Replaces the known peers with these live nodes (this node among them is ignored). */
  public void updatePeers(List<NodeAddress> live) {
    Map<NodeTag, URI> next = new HashMap<>();
    for (NodeAddress address : live) {
      NodeTag tag = NodeTag.of(address.node());
      if (!tag.equals(self)) {
        next.put(tag, address.url());
      }
    }
    peers = Map.copyOf(next);
  }

  /** How many forwarded polling requests wait for their owner now. */
  public int pollsInFlight() {
    return polls.inFlight();
  }

  /** How many websockets are relayed to their owner now. */
  public int relays() {
    return relays.open();
  }

  @Override
  public String sidSuffix() {
    return self.sidSuffix();
  }

  @Override
  public boolean isRemote(String sid, UnaryOperator<String> header) {
    if (header.apply(FORWARDED_BY) != null) {
      return false; // forwarded once already: answered here, whatever the directory says
    }
    return owner(sid).isPresent();
  }

  @Override
  public void forwardPolling(Request request, Response response) {
    polls.forward(owner(sidOf(request.getQueryString())), request, response);
  }

  @Override
  public Runnable relayWebSocket(
      WebSocketConnection client,
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> headers) {
    List<String> sids = query.get("sid");
    return relays.relay(
        owner(sids == null || sids.isEmpty() ? null : sids.get(0)), client, path, query, headers);
  }

  /** The base URL of the live peer that holds {@code sid}. */
  private Optional<URI> owner(String sid) {
    return NodeTag.ofSid(sid).filter(tag -> !tag.equals(self)).map(peers::get);
  }

  /** The {@code sid} of a raw query string (ids are URL-safe: no decoding), or null. */
  static String sidOf(String rawQuery) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.startsWith("sid=")) {
        return pair.substring(4);
      }
    }
    return null;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
