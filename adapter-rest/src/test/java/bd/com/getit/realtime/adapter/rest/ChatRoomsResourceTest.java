package bd.com.getit.realtime.adapter.rest;

import static bd.com.getit.realtime.adapter.rest.RestApiFixture.ADMIN;
import static bd.com.getit.realtime.adapter.rest.RestApiFixture.CUSTOMER;
import static bd.com.getit.realtime.adapter.rest.RestApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.MessageType;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomPage;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomSummary;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.port.in.ChatUseCase.ListRoomsCommand;
import bd.com.getit.realtime.port.in.MessagingUseCase.SendMessageCommand;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The room listing, close, archive, leave and idempotent send over mocked use cases. */
class ChatRoomsResourceTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
  private static RestApiFixture api;

  @BeforeAll
  static void start() {
    api = new RestApiFixture(List.of("https://shop.example"), 2_000);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @BeforeEach
  void resetMocks() {
    reset(api.chat, api.messaging);
  }

  private static ChatRoom room(RoomStatus status) {
    return new ChatRoom(
        RoomId.of("r1"),
        RoomType.CUSTOMER_SUPPORT,
        status,
        UserId.of("u1"),
        JsonValue.JsonObject.EMPTY,
        List.of(
            new Participant(UserId.of("u1"), ParticipantRole.CUSTOMER, T, Optional.empty()),
            new Participant(UserId.of("a1"), ParticipantRole.SUPPORT_AGENT, T, Optional.of(T))),
        T);
  }

  private static ChatMessage message() {
    return new ChatMessage(
        MessageId.of("m9"),
        RoomId.of("r1"),
        UserId.of("a1"),
        Role.SUPPORT_AGENT,
        MessageType.TEXT,
        "আপনার অর্ডার আজ পৌঁছাবে",
        JsonValue.JsonObject.EMPTY,
        T.plusSeconds(60));
  }

  @Test
  void listsTheCallersRoomsWithLastMessageAndUnreadCount() {
    when(api.chat.listRooms(any()))
        .thenReturn(
            CompletableFuture.completedFuture(
                new RoomPage(
                    List.of(
                        new RoomSummary(
                            room(RoomStatus.ACTIVE), T.plusSeconds(60), Optional.of(message()), 3)),
                    true)));

    HttpTestClient.Reply r =
        api.http.get(
            "/chat/rooms?status=active&limit=1&before=2026-01-03T00:00:00Z&participant=u7", ADMIN);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.path("has_more").asBoolean()).isTrue();
    JsonNode first = body.path("rooms").get(0);
    assertThat(first.path("room_id").asText()).isEqualTo("r1");
    assertThat(first.path("type").asText()).isEqualTo("customer_support");
    assertThat(first.path("status").asText()).isEqualTo("active");
    assertThat(first.path("unread_count").asLong()).isEqualTo(3);
    assertThat(first.path("last_activity").asText()).isEqualTo("2026-01-02T03:05:05Z");
    assertThat(first.path("last_message").path("message").asText())
        .isEqualTo("আপনার অর্ডার আজ পৌঁছাবে");
    assertThat(first.path("participants").get(1).path("role").asText()).isEqualTo("support_agent");
    ArgumentCaptor<ListRoomsCommand> cmd = ArgumentCaptor.forClass(ListRoomsCommand.class);
    verify(api.chat).listRooms(cmd.capture());
    assertThat(cmd.getValue().participant()).contains(UserId.of("u7"));
    assertThat(cmd.getValue().status()).contains(RoomStatus.ACTIVE);
    assertThat(cmd.getValue().limit()).isEqualTo(1);
    assertThat(cmd.getValue().before()).contains(Instant.parse("2026-01-03T00:00:00Z"));
  }

  @Test
  void aRoomWithNoMessageListsANullLastMessageAndDefaultsApply() {
    when(api.chat.listRooms(any()))
        .thenReturn(
            CompletableFuture.completedFuture(
                new RoomPage(
                    List.of(new RoomSummary(room(RoomStatus.ACTIVE), T, Optional.empty(), 0)),
                    false)));

    JsonNode body = json(api.http.get("/chat/rooms", CUSTOMER));

    assertThat(body.path("rooms").get(0).path("last_message").isNull()).isTrue();
    ArgumentCaptor<ListRoomsCommand> cmd = ArgumentCaptor.forClass(ListRoomsCommand.class);
    verify(api.chat).listRooms(cmd.capture());
    assertThat(cmd.getValue().limit()).isEqualTo(50);
    assertThat(cmd.getValue().participant()).isEmpty();
    assertThat(cmd.getValue().status()).isEmpty();
  }

  @Test
  void badListParametersAre422AndReachNoUseCase() {
    for (String query :
        List.of("?status=open", "?limit=many", "?before=yesterday", "?participant=a%20b")) {
      HttpTestClient.Reply r = api.http.get("/chat/rooms" + query, CUSTOMER);
      assertThat(r.status()).as(query + " " + r.body()).isIn(400, 422);
      assertThat(json(r).path("code").asText()).isEqualTo(ErrorCode.PAYLOAD_INVALID.name());
    }
    verifyNoInteractions(api.chat);
  }

  @Test
  void closeArchiveAndLeaveAnswerTheRoom() {
    when(api.chat.closeRoom(any(), eq(RoomId.of("r1"))))
        .thenReturn(CompletableFuture.completedFuture(room(RoomStatus.CLOSED)));
    when(api.chat.archiveRoom(any(), eq(RoomId.of("r1"))))
        .thenReturn(CompletableFuture.completedFuture(room(RoomStatus.ARCHIVED)));
    when(api.chat.leaveRoom(any(), eq(RoomId.of("r1"))))
        .thenReturn(CompletableFuture.completedFuture(room(RoomStatus.ACTIVE)));

    assertThat(json(api.http.post("/chat/rooms/r1/close", CUSTOMER, "")).path("status").asText())
        .isEqualTo("closed");
    assertThat(json(api.http.post("/chat/rooms/r1/archive", ADMIN, "")).path("status").asText())
        .isEqualTo("archived");
    assertThat(json(api.http.post("/chat/rooms/r1/leave", CUSTOMER, "")).path("room_id").asText())
        .isEqualTo("r1");
  }

  @Test
  void closingAClosedRoomIs409Conflict() {
    when(api.chat.closeRoom(any(), any()))
        .thenReturn(
            CompletableFuture.failedFuture(
                new RealtimeException(ErrorCode.CONFLICT, "The chat room is closed")));

    HttpTestClient.Reply r = api.http.post("/chat/rooms/r1/close", CUSTOMER, "");

    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(json(r).path("code").asText()).isEqualTo("CONFLICT");
  }

  @Test
  void postMessagePassesTheClientMsgIdOn() {
    when(api.messaging.sendMessage(any())).thenReturn(CompletableFuture.completedFuture(message()));

    HttpTestClient.Reply r =
        api.http.post(
            "/chat/rooms/r1/messages",
            CUSTOMER,
            "{\"message\":\"hi\",\"client_msg_id\":\"phone-1.a\"}");

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    ArgumentCaptor<SendMessageCommand> cmd = ArgumentCaptor.forClass(SendMessageCommand.class);
    verify(api.messaging).sendMessage(cmd.capture());
    assertThat(cmd.getValue().clientMsgId()).contains("phone-1.a");
  }

  @Test
  void joinRefusesRolesOutsideTheFour() {
    HttpTestClient.Reply r =
        api.http.post("/chat/rooms/r1/join", ADMIN, "{\"user_id\":\"u2\",\"role\":\"member\"}");

    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(json(r).path("detail").asText())
        .isEqualTo("role is customer, vendor, support_agent or admin");
    verifyNoInteractions(api.chat);
  }
}
