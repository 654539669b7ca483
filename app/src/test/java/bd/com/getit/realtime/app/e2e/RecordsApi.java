package bd.com.getit.realtime.app.e2e;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ChatMessage;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.Notification;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomType;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.in.ChatUseCase;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import bd.com.getit.realtime.port.in.NotificationUseCase;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The record-keeping calls the end-to-end tests make besides the socket: rooms, history,
 * notifications and publishing. They go through the core's use cases until the REST API is on main;
 * then each method becomes one HTTP call (PROTOCOL section 9) and the tests stay as they are.
 */
final class RecordsApi {
  private final TestServer server;

  RecordsApi(TestServer server) {
    this.server = server;
  }

  /** {@code POST /chat/rooms} by {@code creator}: a group room with {@code others}; its id. */
  String createRoom(String creator, String... others) {
    return join(server
            .server
            .core()
            .chat()
            .orElseThrow()
            .createRoom(
                new ChatUseCase.CreateRoomCommand(
                    customer(creator),
                    RoomType.GROUP_CHAT,
                    List.of(others).stream().map(UserId::of).toList(),
                    JsonObject.EMPTY)))
        .id()
        .value();
  }

  /** {@code GET /chat/rooms/{room}/messages?limit=50} as {@code user}: the texts, newest first. */
  List<String> history(String user, String room) {
    return join(
            server
                .server
                .core()
                .chat()
                .orElseThrow()
                .history(
                    new ChatUseCase.HistoryCommand(
                        customer(user),
                        bd.com.getit.realtime.domain.RoomId.of(room),
                        1,
                        50,
                        Optional.empty())))
        .messages()
        .stream()
        .map(ChatMessage::text)
        .toList();
  }

  /** {@code POST /notifications} by a service: its id. */
  String sendNotification(String user, String title) {
    return join(server
            .server
            .core()
            .notifications()
            .orElseThrow()
            .send(
                new NotificationUseCase.SendNotificationCommand(
                    service(),
                    UserId.of(user),
                    "order_shipped",
                    LocalizedText.of(title, "অর্ডার পাঠানো হয়েছে"),
                    LocalizedText.of("Order 42 is on its way", null),
                    JsonObject.builder().put("order_id", "42").build(),
                    Optional.of("/orders/42"),
                    Priority.HIGH)))
        .id()
        .value();
  }

  /** {@code GET /notifications} as {@code user}: "id status" per notification, newest first. */
  List<String> notifications(String user) {
    return join(server.server.core().notifications().orElseThrow().list(customer(user), false, 50))
        .notifications()
        .stream()
        .map(RecordsApi::line)
        .toList();
  }

  /** {@code POST /events} by a service: a persisted {@code product_price_change} with this id. */
  void publishPersisted(String id, String channel) {
    join(
        server
            .server
            .core()
            .ingest()
            .ingest(
                new EventIngestUseCase.IngestCommand(
                    service(),
                    JsonObject.builder()
                        .put("id", id)
                        .put("event", "product_price_change")
                        .put("channel", channel)
                        .put("data", JsonObject.builder().put("new_price", 990).build())
                        .put("persist", true)
                        .build())));
  }

  private static String line(Notification n) {
    return n.id().value() + " " + n.status().wireName();
  }

  private static Caller customer(String user) {
    return Caller.of(Principal.of(UserId.of(user), Set.of(Role.CUSTOMER)));
  }

  private static Caller service() {
    return Caller.of(Principal.of(UserId.of("order-service"), Set.of(Role.SERVICE)));
  }

  private static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
