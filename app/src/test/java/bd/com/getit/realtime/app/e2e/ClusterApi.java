package bd.com.getit.realtime.app.e2e;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.OnlineUsers;
import bd.com.getit.realtime.domain.Presence;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import java.util.Set;

/**
 * What the cluster tests would ask a node's REST API (publish, {@code GET /presence/{user}}, {@code
 * GET /online-users}), answered through the node's use cases until the REST adapter is merged: the
 * one place to switch to HTTP then.
 */
final class ClusterApi {
  private static final Caller SERVICE =
      Caller.of(Principal.of(UserId.of("svc"), Set.of(Role.SERVICE)));

  private ClusterApi() {}

  /** Publishes an event of another service through {@code node} ({@code POST /events}). */
  static void publish(TestServer node, String event, String channel, JsonValue.JsonObject data) {
    try {
      node.server
          .core()
          .ingest()
          .ingest(
              new EventIngestUseCase.IngestCommand(
                  SERVICE,
                  JsonValue.JsonObject.builder()
                      .put("event", event)
                      .put("channel", channel)
                      .put("data", data)
                      .build()))
          .toCompletableFuture()
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code product_price_change} with data {@code {n}} on {@code channel}. */
  static void publishPrice(TestServer node, String channel, int n) {
    publish(
        node, "product_price_change", channel, JsonValue.JsonObject.builder().put("n", n).build());
  }

  /** A user's presence as {@code node} reports it ({@code GET /presence/{user}}). */
  static Presence presence(TestServer node, String user) {
    try {
      return node.server
          .core()
          .presence()
          .orElseThrow()
          .get(SERVICE, UserId.of(user))
          .toCompletableFuture()
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code GET /online-users} on {@code node}. */
  static OnlineUsers onlineUsers(TestServer node) {
    try {
      return node.server
          .core()
          .presence()
          .orElseThrow()
          .onlineUsers(SERVICE)
          .toCompletableFuture()
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
