package bd.com.getit.realtime.adapter.websocket.gateway;

import static bd.com.getit.realtime.adapter.websocket.gateway.GatewayFixture.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.adapter.websocket.gateway.GatewayFixture.RecordingAck;
import bd.com.getit.realtime.domain.AuctionId;
import bd.com.getit.realtime.domain.BidId;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.auction.Bid;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.MessageType;
import bd.com.getit.realtime.domain.connection.Bandwidth;
import bd.com.getit.realtime.domain.connection.ConnectionQuality;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.port.in.AuctionUseCase.PlaceBidCommand;
import bd.com.getit.realtime.port.in.ChannelUseCase.JoinCommand;
import bd.com.getit.realtime.port.in.ChannelUseCase.JoinResult;
import bd.com.getit.realtime.port.in.ChannelUseCase.LeaveCommand;
import bd.com.getit.realtime.port.in.ChannelUseCase.Rejection;
import bd.com.getit.realtime.port.in.MessagingUseCase.BroadcastCommand;
import bd.com.getit.realtime.port.in.MessagingUseCase.SendMessageCommand;
import bd.com.getit.realtime.port.in.PresenceUseCase.UpdatePresenceCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Every client event through the namespace: its use-case call, its ack, its error shapes. */
class ClientEventsTest {

  private static final String BN_INVALID =
      ErrorCode.PAYLOAD_INVALID.message(bd.com.getit.realtime.domain.Language.BN);

  private final GatewayFixture gateway = new GatewayFixture();
  private final FakeSioSocket socket = gateway.connectCustomer();
  private final ConnectionId connection = ConnectionId.of(socket.id());
  private final RecordingAck ack = new RecordingAck();

  private void emit(String event, String... args) {
    gateway.namespace.onEvent(socket, event, args(args), ack);
  }

  private void emitWithoutAck(String event, String... args) {
    gateway.namespace.onEvent(socket, event, args(args), null);
  }

  private static List<JsonNode> args(String... args) {
    return java.util.Arrays.stream(args).map(GatewayFixture::json).toList();
  }

  private static String invalidAck(String message) {
    return "{\"ok\":false,\"error\":{\"code\":\"PAYLOAD_INVALID\",\"message\":\""
        + message
        + "\",\"message_bn\":\""
        + BN_INVALID
        + "\"}}";
  }

  private static <T> CompletableFuture<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  @Test
  void joinChannelAcksJoinedAndRejected() {
    when(gateway.channels.join(any()))
        .thenReturn(
            done(
                new JoinResult(
                    List.of(ChannelName.parse("product:1")),
                    List.of(new Rejection("admin:ops", ErrorCode.FORBIDDEN)))));

    emit(
        "join_channel",
        "{\"channels\":[\"product:1\",\"admin:ops\"],\"tokens\":{\"order:9\":\"sub-token\"}}");

    verify(gateway.channels)
        .join(
            new JoinCommand(
                connection, List.of("product:1", "admin:ops"), Map.of("order:9", "sub-token")));
    assertThat(ack.only())
        .isEqualTo(
            "{\"ok\":true,\"joined\":[\"product:1\"],"
                + "\"rejected\":[{\"channel\":\"admin:ops\",\"code\":\"FORBIDDEN\"}]}");
  }

  @Test
  void joinChannelWithoutChannelsIsMalformed() {
    emit("join_channel", "{\"channels\":\"product:1\"}");

    assertThat(ack.only()).isEqualTo(invalidAck("channels must be an array of strings"));
    verifyNoInteractions(gateway.channels);
  }

  @Test
  void joinChannelWithANonStringTokenIsMalformed() {
    emit("join_channel", "{\"channels\":[\"order:9\"],\"tokens\":{\"order:9\":7}}");

    assertThat(ack.only()).isEqualTo(invalidAck("tokens must be an object of strings"));
    verifyNoInteractions(gateway.channels);
  }

  @Test
  void joinChannelWithTooManyChannelsIsMalformed() {
    String many = "\"product:1\",".repeat(Payloads.MAX_ENTRIES) + "\"product:2\"";

    emit("join_channel", "{\"channels\":[" + many + "]}");

    assertThat(ack.only()).isEqualTo(invalidAck("channels has too many entries"));
    verifyNoInteractions(gateway.channels);
  }

  @Test
  void leaveChannelAcksWhatWasLeft() {
    when(gateway.channels.leave(any())).thenReturn(done(List.of(ChannelName.parse("product:1"))));

    emit("leave_channel", "{\"channels\":[\"product:1\",\"product:2\"]}");

    verify(gateway.channels).leave(new LeaveCommand(connection, List.of("product:1", "product:2")));
    assertThat(ack.only()).isEqualTo("{\"ok\":true,\"left\":[\"product:1\"]}");
  }

  @Test
  void sendMessageAcksIdAndTimestamp() {
    when(gateway.messaging.sendMessage(any()))
        .thenReturn(
            done(
                new ChatMessage(
                    MessageId.of("m-1"),
                    RoomId.of("r1"),
                    UserId.of("u1"),
                    Role.CUSTOMER,
                    MessageType.TEXT,
                    "hello",
                    JsonValue.JsonObject.EMPTY,
                    Instant.parse("2026-01-01T00:00:01Z"))));

    emit(
        "send_message",
        "{\"channel\":\"chat:r1\",\"message\":\"hello\",\"type\":\"image\","
            + "\"metadata\":{\"w\":1.5}}");

    verify(gateway.messaging)
        .sendMessage(
            new SendMessageCommand(
                callerOf(socket),
                "chat:r1",
                "hello",
                "image",
                JsonValue.JsonObject.builder()
                    .put("w", new JsonValue.JsonNumber(new java.math.BigDecimal("1.5")))
                    .build()));
    assertThat(ack.only())
        .isEqualTo("{\"ok\":true,\"id\":\"m-1\",\"timestamp\":\"2026-01-01T00:00:01Z\"}");
  }

  @Test
  void sendMessageDefaultsToTextWithoutMetadata() {
    when(gateway.messaging.sendMessage(any()))
        .thenReturn(CompletableFuture.failedFuture(new RealtimeException(ErrorCode.CONFLICT, "x")));

    emit("send_message", "{\"channel\":\"chat:r1\",\"message\":\"hi\"}");

    verify(gateway.messaging)
        .sendMessage(
            new SendMessageCommand(
                callerOf(socket), "chat:r1", "hi", "text", JsonValue.JsonObject.EMPTY));
  }

  @Test
  void sendMessagePassesTheClientMsgIdOn() {
    emit(
        "send_message", "{\"channel\":\"chat:r1\",\"message\":\"আবার\",\"client_msg_id\":\"c-1\"}");

    verify(gateway.messaging)
        .sendMessage(
            new SendMessageCommand(
                callerOf(socket),
                "chat:r1",
                "আবার",
                "text",
                JsonValue.JsonObject.EMPTY,
                java.util.Optional.of("c-1")));
  }

  @Test
  void aClientMsgIdThatIsNotAStringIsMalformed() {
    emit("send_message", "{\"channel\":\"chat:r1\",\"message\":\"hi\",\"client_msg_id\":7}");

    assertThat(ack.only()).isEqualTo(invalidAck("client_msg_id must be a string"));
    verifyNoInteractions(gateway.messaging);
  }

  @Test
  void sendMessageWithoutTextIsMalformed() {
    emit("send_message", "{\"channel\":\"chat:r1\"}");

    assertThat(ack.only()).isEqualTo(invalidAck("message is required"));
    verifyNoInteractions(gateway.messaging);
  }

  @Test
  void aRefusedMessageAcksTheCodeInBothLanguages() {
    when(gateway.messaging.sendMessage(any()))
        .thenReturn(
            CompletableFuture.failedFuture(new RealtimeException(ErrorCode.NOT_SUBSCRIBED, null)));

    emit("send_message", "{\"channel\":\"chat:r1\",\"message\":\"hi\"}");

    assertThat(ack.only())
        .isEqualTo(
            "{\"ok\":false,\"error\":{\"code\":\"NOT_SUBSCRIBED\","
                + "\"message\":\"You have not joined this channel\","
                + "\"message_bn\":\"আপনি এই চ্যানেলে যোগ দেননি\"}}");
  }

  @Test
  void rateLimitedAcksCarryTheRetryDelay() {
    when(gateway.messaging.sendMessage(any()))
        .thenReturn(
            CompletableFuture.failedFuture(
                new RealtimeException(ErrorCode.RATE_LIMITED, null, 2000)));

    emit("send_message", "{\"channel\":\"chat:r1\",\"message\":\"hi\"}");

    JsonNode error = ack.sent.get(0).get(0).get("error");
    assertThat(error.get("code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(error.get("retry_after_ms").asLong()).isEqualTo(2000);
    assertThat(error.get("message_bn").asText()).isNotBlank();
  }

  @Test
  void rateLimitedWithoutAckEmitsErrorWithTheRetryDelay() {
    when(gateway.messaging.sendMessage(any()))
        .thenReturn(
            CompletableFuture.failedFuture(
                new RealtimeException(ErrorCode.RATE_LIMITED, null, 2000)));

    emitWithoutAck("send_message", "{\"channel\":\"chat:r1\",\"message\":\"hi\"}");

    assertThat(socket.emitted).hasSize(1);
    assertThat(socket.emitted.get(0).args().get(0).toString())
        .isEqualTo(
            "{\"event\":\"send_message\",\"code\":\"RATE_LIMITED\","
                + "\"message\":\"Too many requests, please slow down\","
                + "\"message_bn\":\"অনেক বেশি অনুরোধ, একটু পরে চেষ্টা করুন\","
                + "\"retry_after_ms\":2000}");
  }

  @Test
  void broadcastEventCallsTheUseCaseAndAcksOk() {
    when(gateway.messaging.broadcast(any())).thenReturn(done(null));

    emit(
        "broadcast_event",
        "{\"channel\":\"vendor:v1\",\"event_type\":\"new_product_added\",\"data\":{\"id\":\"p\"}}");

    verify(gateway.messaging)
        .broadcast(
            new BroadcastCommand(
                callerOf(socket),
                "vendor:v1",
                "new_product_added",
                JsonValue.JsonObject.builder().put("id", "p").build()));
    assertThat(ack.only()).isEqualTo("{\"ok\":true}");
  }

  @Test
  void broadcastEventWithNonObjectDataIsMalformed() {
    emit("broadcast_event", "{\"channel\":\"vendor:v1\",\"event_type\":\"x\",\"data\":[1]}");

    assertThat(ack.only()).isEqualTo(invalidAck("data must be an object"));
  }

  @Test
  void broadcastEventDataPastTheSharedJsonLimitsIsMalformed() {
    String thousand = "[" + "1,".repeat(Payloads.MAX_ENTRIES - 1) + "1]";
    String more = "[" + "1,".repeat(Payloads.MAX_ENTRIES) + "1]";
    when(gateway.messaging.broadcast(any())).thenReturn(done(null));

    emit(
        "broadcast_event",
        "{\"channel\":\"vendor:v1\",\"event_type\":\"x\",\"data\":{\"ids\":" + more + "}}");
    emit(
        "broadcast_event",
        "{\"channel\":\"vendor:v1\",\"event_type\":\"x\",\"data\":{\"ids\":" + thousand + "}}");

    assertThat(ack.sent)
        .extracting(a -> a.get(0).toString())
        .containsExactly(
            invalidAck("an object or array has more than 1000 entries"), "{\"ok\":true}");
    verify(gateway.messaging).broadcast(any());
  }

  @Test
  void updatePresenceHandsTheWholeUpdateToTheCore() {
    when(gateway.presence.update(any())).thenReturn(done(null));

    emit(
        "update_presence",
        "{\"status\":\"away\",\"current_page\":\"/cart\",\"activity\":{\"cart_items\":2}}");

    verify(gateway.presence)
        .update(
            new UpdatePresenceCommand(
                callerOf(socket),
                JsonValue.JsonObject.builder()
                    .put("status", "away")
                    .put("current_page", "/cart")
                    .put("activity", JsonValue.JsonObject.builder().put("cart_items", 2).build())
                    .build()));
    assertThat(ack.only()).isEqualTo("{\"ok\":true}");
  }

  @Test
  void typingIsForwardedAndSilentWithoutAck() {
    when(gateway.chat.typing(any(), any(), anyBoolean())).thenReturn(done(null));

    emitWithoutAck("typing", "{\"room_id\":\"r1\",\"is_typing\":true}");

    verify(gateway.chat).typing(callerOf(socket), RoomId.of("r1"), true);
    assertThat(socket.emitted).isEmpty();
  }

  @Test
  void typingWithABadRoomIdReportsAnError() {
    emitWithoutAck("typing", "{\"room_id\":\"no spaces!\",\"is_typing\":true}");

    assertThat(socket.emitted).hasSize(1);
    assertThat(socket.emitted.get(0).event()).isEqualTo("error");
    assertThat(socket.emitted.get(0).args().get(0).get("code").asText())
        .isEqualTo("PAYLOAD_INVALID");
    verifyNoInteractions(gateway.chat);
  }

  @Test
  void typingNeedsABoolean() {
    emit("typing", "{\"room_id\":\"r1\",\"is_typing\":\"yes\"}");

    assertThat(ack.only()).isEqualTo(invalidAck("is_typing must be true or false"));
  }

  @Test
  void markReadMovesTheReadMark() {
    when(gateway.chat.markRead(any(), any(), any())).thenReturn(done(null));

    emit("mark_read", "{\"room_id\":\"r1\",\"message_id\":\"m-9\"}");

    verify(gateway.chat).markRead(callerOf(socket), RoomId.of("r1"), MessageId.of("m-9"));
    assertThat(ack.only()).isEqualTo("{\"ok\":true}");
  }

  @Test
  void notificationReadAndClickedMarkTheNotification() {
    when(gateway.notifications.mark(any(), any(), any())).thenReturn(done(null));

    emit("notification_read", "{\"id\":\"n-1\"}");
    emit("notification_clicked", "{\"id\":\"n-2\"}");

    verify(gateway.notifications)
        .mark(callerOf(socket), NotificationId.of("n-1"), NotificationStatus.READ);
    verify(gateway.notifications)
        .mark(callerOf(socket), NotificationId.of("n-2"), NotificationStatus.CLICKED);
    assertThat(ack.sent).hasSize(2);
    assertThat(ack.sent)
        .allSatisfy(a -> assertThat(a.get(0).toString()).isEqualTo("{\"ok\":true}"));
  }

  @Test
  void aMissingNotificationIsNotFound() {
    when(gateway.notifications.mark(any(), any(), any()))
        .thenReturn(
            CompletableFuture.failedFuture(new RealtimeException(ErrorCode.NOT_FOUND, null)));

    emit("notification_read", "{\"id\":\"n-1\"}");

    assertThat(ack.sent.get(0).get(0).get("error").get("code").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void networkInfoReportsTheLinkQuality() {
    when(gateway.presence.networkInfo(any(), any())).thenReturn(done(null));

    emit("network_info", "{\"bandwidth\":\"2g\",\"latency_ms\":900}");

    verify(gateway.presence)
        .networkInfo(callerOf(socket), new ConnectionQuality(Bandwidth.G2, 900, 0));
    assertThat(ack.only()).isEqualTo("{\"ok\":true}");
  }

  @Test
  void networkInfoRefusesUnknownBandwidths() {
    emit("network_info", "{\"bandwidth\":\"5g\"}");

    assertThat(ack.only()).isEqualTo(invalidAck("bandwidth is one of 2g, 3g, 4g, wifi"));
    verifyNoInteractions(gateway.presence);
  }

  @Test
  void networkInfoRefusesFractionalLatency() {
    emit("network_info", "{\"bandwidth\":\"4g\",\"latency_ms\":1.5}");

    assertThat(ack.only()).isEqualTo(invalidAck("latency_ms must be an integer"));
  }

  @Test
  void placeBidReadsTheAmountExactlyAndAcksTheBid() {
    when(gateway.auctions.placeBid(any()))
        .thenReturn(
            done(
                new Bid(
                    BidId.of("b1"),
                    AuctionId.of("a1"),
                    UserId.of("u1"),
                    new BigDecimal("100.10"),
                    Instant.EPOCH)));

    emit("place_bid", "{\"auction_id\":\"a1\",\"amount\":100.10}");

    verify(gateway.auctions)
        .placeBid(new PlaceBidCommand(callerOf(socket), "a1", new BigDecimal("100.10")));
    assertThat(ack.only()).isEqualTo("{\"ok\":true,\"bid_id\":\"b1\",\"amount\":100.10}");
  }

  @Test
  void placeBidTakesANumericStringAndRefusesAnythingElse() {
    when(gateway.auctions.placeBid(any())).thenReturn(new CompletableFuture<>());
    emitWithoutAck("place_bid", "{\"auction_id\":\"a1\",\"amount\":\"15.5\"}");
    verify(gateway.auctions)
        .placeBid(new PlaceBidCommand(callerOf(socket), "a1", new BigDecimal("15.5")));

    emit("place_bid", "{\"auction_id\":\"a1\",\"amount\":\"lots\"}");
    assertThat(ack.only()).isEqualTo(invalidAck("amount must be a number"));
  }

  @Test
  void placeBidWithoutAuctionsIsNotFound() {
    GatewayFixture bare = new GatewayFixture(false);
    FakeSioSocket customer = bare.connectCustomer();
    RecordingAck recorded = new RecordingAck();

    bare.namespace.onEvent(
        customer, "place_bid", List.of(GatewayFixture.json("{\"amount\":1}")), recorded);

    assertThat(recorded.only()).contains("\"code\":\"NOT_FOUND\"", "auctions are not enabled");
  }

  @Test
  void unknownEventsAreReportedAsAnErrorEvent() {
    emitWithoutAck("dance", "{}");

    assertThat(socket.emitted).hasSize(1);
    assertThat(socket.emitted.get(0).event()).isEqualTo("error");
    assertThat(socket.emitted.get(0).args().get(0).toString())
        .isEqualTo(
            "{\"event\":\"dance\",\"code\":\"PAYLOAD_INVALID\",\"message\":\"unknown event\","
                + "\"message_bn\":\""
                + BN_INVALID
                + "\"}");
  }

  @Test
  void unknownEventsWithAnAckAreAnsweredThere() {
    emit("dance", "{}");

    assertThat(ack.only()).isEqualTo(invalidAck("unknown event"));
    assertThat(socket.emitted).isEmpty();
  }

  @Test
  void theFirstArgumentMustBeAnObject() {
    emit("leave_channel", "\"product:1\"");
    emit("leave_channel");

    assertThat(ack.sent).hasSize(2);
    assertThat(ack.sent)
        .allSatisfy(
            a ->
                assertThat(a.get(0).toString())
                    .isEqualTo(invalidAck("the first argument must be an object")));
    verifyNoInteractions(gateway.channels);
  }

  @Test
  void hostileNestingIsRefused() {
    String deep = "[".repeat(100) + "]".repeat(100);

    emit("update_presence", "{\"status\":\"online\",\"activity\":" + deep + "}");

    assertThat(ack.only()).isEqualTo(invalidAck("the payload is nested too deeply"));
    verifyNoInteractions(gateway.presence);
  }

  @Test
  void unexpectedFailuresAreInternalAndDoNotLeakDetails() {
    when(gateway.channels.leave(any()))
        .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("db at 10.0.0.5")));

    emit("leave_channel", "{\"channels\":[\"product:1\"]}");

    assertThat(ack.only())
        .isEqualTo(
            "{\"ok\":false,\"error\":{\"code\":\"INTERNAL\","
                + "\"message\":\"Something went wrong on our side\","
                + "\"message_bn\":\"আমাদের দিকে একটি সমস্যা হয়েছে\"}}");
  }

  @Test
  void aUseCaseThatThrowsIsAnsweredToo() {
    when(gateway.channels.leave(any()))
        .thenThrow(new RealtimeException(ErrorCode.CHANNEL_INVALID, "bad name"));

    emit("leave_channel", "{\"channels\":[\"x\"]}");

    assertThat(ack.sent.get(0).get(0).get("error").get("code").asText())
        .isEqualTo("CHANNEL_INVALID");
  }

  @Test
  void theAckIsSentWhenTheUseCaseCompletesLater() {
    CompletableFuture<List<ChannelName>> later = new CompletableFuture<>();
    when(gateway.channels.leave(any())).thenReturn(later);

    emit("leave_channel", "{\"channels\":[\"product:1\"]}");
    assertThat(ack.sent).isEmpty();
    new Thread(() -> later.complete(List.of(ChannelName.parse("product:1")))).start();

    await().until(() -> ack.sent.size() == 1);
    assertThat(ack.only()).isEqualTo("{\"ok\":true,\"left\":[\"product:1\"]}");
  }

  @Test
  void eventsOfASocketThatNeverConnectedAreIgnored() {
    FakeSioSocket stranger = new FakeSioSocket("stranger");

    gateway.namespace.onEvent(stranger, "leave_channel", args("{\"channels\":[]}"), ack);

    assertThat(ack.sent).isEmpty();
    assertThat(stranger.emitted).isEmpty();
    verifyNoInteractions(gateway.channels);
  }

  @Test
  void theCallerIsThePrincipalOnThisConnection() {
    when(gateway.chat.typing(any(), any(), anyBoolean())).thenReturn(done(null));

    emit("typing", "{\"room_id\":\"r1\",\"is_typing\":false}");

    verify(gateway.chat)
        .typing(
            new bd.com.getit.realtime.domain.Caller(
                GatewayFixture.CUSTOMER, java.util.Optional.of(connection)),
            RoomId.of("r1"),
            false);
  }
}
