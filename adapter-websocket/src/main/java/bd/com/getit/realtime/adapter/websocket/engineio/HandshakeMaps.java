package bd.com.getit.realtime.adapter.websocket.engineio;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Shares equal query and header values between sessions. Every session keeps its handshake's query
 * and headers for as long as it lives (the layer above reads them at each namespace CONNECT), and
 * on one node they are nearly all the same ({@code EIO=4&transport=websocket}, the host, the
 * origin, the browser's user agent and language): one copy each instead of one per idle socket.
 *
 * <p>Only values that are the same for many clients and say nothing private are shared: the query's
 * Engine.IO parameters and the public headers below; a cookie, an authorization header, a token in
 * the query or a subprotocol, or a forwarded address is kept per session and never enters the pool,
 * so nothing secret outlives its session here. The pool is bounded: once it holds {@link
 * #MAX_SHARED} values it is emptied and fills again (sharing restarts; nothing else changes).
 * Thread-safe.
 */
final class HandshakeMaps {

  /** How many distinct values the pool holds before it starts over. */
  static final int MAX_SHARED = 4096;

  /** A longer value is kept per session: no two clients would send it. */
  static final int MAX_SHARED_LENGTH = 512;

  /** Query parameters every Engine.IO client sends with a handful of values. */
  private static final Set<String> SHARED_QUERY = Set.of("EIO", "transport", "b64");

  /** Headers that are the same for many clients and carry nothing private. */
  private static final Set<String> SHARED_HEADERS =
      Set.of(
          "host",
          "origin",
          "user-agent",
          "accept",
          "accept-encoding",
          "accept-language",
          "cache-control",
          "pragma",
          "x-forwarded-proto"); // not Sec-WebSocket-Protocol: some clients carry a token in it

  private final ConcurrentMap<Object, Object> pool = new ConcurrentHashMap<>();

  /** The query to keep with a session: shared when it holds only Engine.IO's own parameters. */
  Map<String, List<String>> query(Map<String, List<String>> query) {
    return share(query, SHARED_QUERY);
  }

  /** The headers to keep with a session: the public values shared, the map too when all are. */
  Map<String, List<String>> headers(Map<String, List<String>> headers) {
    return share(headers, SHARED_HEADERS);
  }

  /** How many values the pool holds now (for tests). */
  int size() {
    return pool.size();
  }

  private Map<String, List<String>> share(
      Map<String, List<String>> map, Set<String> shareableNames) {
    if (map.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> kept = new HashMap<>(map.size() * 2);
    boolean allShared = true;
    for (Map.Entry<String, List<String>> e : map.entrySet()) {
      List<String> values = List.copyOf(e.getValue());
      if (shareableNames.contains(e.getKey()) && isShort(values)) {
        values = intern(values);
      } else {
        allShared = false;
      }
      kept.put(e.getKey(), values);
    }
    Map<String, List<String>> copy = Map.copyOf(kept);
    return allShared ? intern(copy) : copy;
  }

  private static boolean isShort(List<String> values) {
    int length = 0;
    for (String value : values) {
      length += value.length();
    }
    return length <= MAX_SHARED_LENGTH;
  }

  @SuppressWarnings("unchecked")
  private <T> T intern(T value) {
    Object known = pool.get(value);
    if (known != null) {
      return (T) known;
    }
    if (pool.size() >= MAX_SHARED) {
      pool.clear(); // bounded: a node that sees many distinct values shares less, nothing more
    }
    known = pool.putIfAbsent(value, value);
    return known == null ? value : (T) known;
  }
}
