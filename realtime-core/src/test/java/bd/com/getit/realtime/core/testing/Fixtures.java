package bd.com.getit.realtime.core.testing;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Language;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.VendorId;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.port.out.OfflineQueue;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Principals, callers, channels and events of the core's tests in domain language, and helpers that
 * read stages the in-process services must already have completed.
 */
public final class Fixtures {
  public static final NodeId NODE = NodeId.of("node-a");
  public static final NodeId OTHER_NODE = NodeId.of("node-b");

  private Fixtures() {}

  public static Principal customer(String id) {
    return Principal.of(UserId.of(id), Set.of(Role.CUSTOMER));
  }

  public static Principal withRole(String id, Role role) {
    return Principal.of(UserId.of(id), Set.of(role));
  }

  /** A user acting for vendor {@code vendorId}, whose display name is the user id. */
  public static Principal vendor(String id, String vendorId) {
    return new Principal(
        UserId.of(id), Set.of(Role.VENDOR), Optional.of(VendorId.of(vendorId)), Language.EN, id);
  }

  public static Principal agent(String id) {
    return withRole(id, Role.SUPPORT_AGENT);
  }

  public static Principal admin(String id) {
    return withRole(id, Role.ADMIN);
  }

  public static Principal service(String id) {
    return withRole(id, Role.SERVICE);
  }

  /** The caller of a REST request: no connection. */
  public static Caller rest(Principal p) {
    return Caller.of(p);
  }

  /** The caller of a socket event on connection {@code socket}. */
  public static Caller socket(Principal p, String socket) {
    return Caller.of(p, ConnectionId.of(socket));
  }

  public static Principal guest(String connection) {
    return Principal.guest(ConnectionId.of(connection));
  }

  public static ChannelName channel(String name) {
    return ChannelName.parse(name);
  }

  public static ConnectionId conn(String id) {
    return ConnectionId.of(id);
  }

  public static ConnectionInfo info(String connection, String user, String... channels) {
    return new ConnectionInfo(
        ConnectionId.of(connection),
        UserId.of(user),
        NODE,
        "websocket",
        "10.0.0.1",
        MutableClock.DEFAULT_START,
        Set.of(channels).stream()
            .map(ChannelName::parse)
            .collect(java.util.stream.Collectors.toSet()));
  }

  public static Event event(String id, String name, String channel, String... recipients) {
    return new Event(
        EventId.of(id),
        name,
        ChannelName.parse(channel),
        JsonValue.JsonObject.builder().put("k", "v").build(),
        MutableClock.DEFAULT_START,
        Priority.MEDIUM,
        Duration.ZERO,
        List.of(recipients).stream().map(ChannelName::parse).toList(),
        false);
  }

  public static Event persisted(Event e) {
    return new Event(
        e.id(),
        e.name(),
        e.channel(),
        e.data(),
        e.timestamp(),
        e.priority(),
        e.ttl(),
        e.recipients(),
        true);
  }

  public static Event withTtl(Event e, Duration ttl) {
    return e.withTtl(ttl);
  }

  /**
   * What {@code user}'s offline queue holds at {@code now}, read through the port without emptying
   * it: the queue is drained and refilled in the same order.
   */
  public static List<Event> queued(OfflineQueue queue, UserId user, Instant now) {
    List<Event> held = done(queue.drain(user, now));
    held.forEach(e -> done(queue.enqueue(user, e)));
    return held;
  }

  /** The value of a stage that must already be complete. */
  public static <T> T done(CompletionStage<T> stage) {
    var f = stage.toCompletableFuture();
    if (!f.isDone()) {
      throw new AssertionError("stage is not complete");
    }
    return f.join();
  }

  /** The failure of a stage that must already have failed. */
  public static RealtimeException failure(CompletionStage<?> stage) {
    var f = stage.toCompletableFuture();
    if (!f.isCompletedExceptionally()) {
      throw new AssertionError("stage did not fail: " + (f.isDone() ? f.join() : "pending"));
    }
    try {
      f.join();
      throw new AssertionError("unreachable");
    } catch (CompletionException e) {
      if (e.getCause() instanceof RealtimeException r) {
        return r;
      }
      throw new AssertionError("not a RealtimeException", e.getCause());
    } catch (java.util.concurrent.CancellationException e) {
      throw new AssertionError("cancelled", e);
    }
  }

  /** The error code of a failed stage. */
  public static ErrorCode code(CompletionStage<?> stage) {
    return failure(stage).code();
  }
}
