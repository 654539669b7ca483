package bd.com.getit.realtime.adapter.websocket.engineio;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Serves the requests for sessions that another node of a cluster holds, so that a load balancer
 * need not be sticky. The engine marks the ids of its own sessions ({@link #sidSuffix}) and asks
 * about every session id it does not hold. {@link #isRemote} runs on network threads and decides
 * from memory; the others answer later, never blocking the calling thread.
 */
public interface RemoteSessions {

  /** No cluster: every session is local, an unknown id is unknown. */
  RemoteSessions NONE =
      new RemoteSessions() {
        @Override
        public String sidSuffix() {
          return "";
        }

        @Override
        public boolean isRemote(String sid, UnaryOperator<String> header) {
          return false;
        }

        @Override
        public void forwardPolling(Request request, Response response) {
          throw new IllegalStateException("no remote sessions");
        }

        @Override
        public Runnable relayWebSocket(
            WebSocketConnection client,
            String path,
            Map<String, List<String>> query,
            Map<String, List<String>> headers) {
          throw new IllegalStateException("no remote sessions");
        }
      };

  /**
   * Appended to every session id this node creates (URL-safe characters; empty for none), so that
   * any node tells the owner of a session from its id alone, without a shared lookup.
   */
  String sidSuffix();

  /**
   * Whether a request for {@code sid}, which this node does not hold, goes to the live node that
   * does. Never for a request that was itself forwarded (read through {@code header}, by lower-case
   * name): a request is forwarded at most once.
   */
  boolean isRemote(String sid, UnaryOperator<String> header);

  /** Serves a polling GET or POST of a remote session: answers {@code response}, perhaps later. */
  void forwardPolling(Request request, Response response);

  /**
   * Relays an accepted websocket, the upgrade of a remote session, to the node that holds it. Takes
   * the client's messages ({@link WebSocketConnection#receive}) at once, before this returns.
   *
   * @param path the request path, the owner's engine path too
   * @return told when the client's websocket has closed (the relay may also learn it from its
   *     receiver; being told twice is harmless)
   */
  Runnable relayWebSocket(
      WebSocketConnection client,
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> headers);
}
