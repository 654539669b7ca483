package bd.com.getit.realtime.adapter.websocket.gateway;

import static bd.com.getit.realtime.adapter.websocket.gateway.Payloads.invalid;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.IsoInstants;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.connection.Bandwidth;
import bd.com.getit.realtime.domain.connection.ConnectionQuality;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.port.in.AuctionUseCase;
import bd.com.getit.realtime.port.in.AuctionUseCase.PlaceBidCommand;
import bd.com.getit.realtime.port.in.ChannelUseCase.JoinCommand;
import bd.com.getit.realtime.port.in.ChannelUseCase.LeaveCommand;
import bd.com.getit.realtime.port.in.ChannelUseCase.Rejection;
import bd.com.getit.realtime.port.in.MessagingUseCase.BroadcastCommand;
import bd.com.getit.realtime.port.in.MessagingUseCase.SendMessageCommand;
import bd.com.getit.realtime.port.in.PresenceUseCase.UpdatePresenceCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Maps the client events of PROTOCOL section 4 to the use cases: checks the payload's shape, calls
 * the use case as the socket's caller, and shapes the successful ack. Failures surface as a
 * synchronous or asynchronous {@link RealtimeException}.
 */
final class ClientEvents {

  private final GatewayUseCases useCases;

  ClientEvents(GatewayUseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  /**
   * @return the successful ack, completing on any thread
   * @throws RealtimeException when the event is unknown or its payload malformed
   */
  CompletionStage<ObjectNode> handle(SocketState state, String event, List<JsonNode> args) {
    if (event == null) {
      throw invalid("unknown event");
    }
    switch (event) {
      case "join_channel":
        return join(state, Payloads.object(args));
      case "leave_channel":
        return leave(state, Payloads.object(args));
      case "send_message":
        return sendMessage(state.caller(), Payloads.object(args));
      case "broadcast_event":
        return broadcast(state.caller(), Payloads.object(args));
      case "update_presence":
        return ok(
            useCases
                .presence()
                .update(
                    new UpdatePresenceCommand(
                        state.caller(), Payloads.toObject(Payloads.object(args)))));
      case "typing":
        return typing(state.caller(), Payloads.object(args));
      case "mark_read":
        return markRead(state.caller(), Payloads.object(args));
      case "notification_read":
        return mark(state.caller(), Payloads.object(args), NotificationStatus.READ);
      case "notification_clicked":
        return mark(state.caller(), Payloads.object(args), NotificationStatus.CLICKED);
      case "network_info":
        return networkInfo(state.caller(), Payloads.object(args));
      case "place_bid":
        return placeBid(state.caller(), Payloads.object(args));
      default:
        throw invalid("unknown event");
    }
  }

  private CompletionStage<ObjectNode> join(SocketState state, ObjectNode payload) {
    JoinCommand command =
        new JoinCommand(
            state.connection(),
            Payloads.strings(payload, "channels"),
            Payloads.stringMap(payload, "tokens"));
    return useCases
        .channels()
        .join(command)
        .thenApply(
            result -> {
              ObjectNode reply = Replies.ok();
              names(reply.putArray("joined"), result.joined());
              ArrayNode rejected = reply.putArray("rejected");
              for (Rejection r : result.rejected()) {
                rejected.addObject().put("channel", r.channel()).put("code", r.code().name());
              }
              return reply;
            });
  }

  private CompletionStage<ObjectNode> leave(SocketState state, ObjectNode payload) {
    LeaveCommand command =
        new LeaveCommand(state.connection(), Payloads.strings(payload, "channels"));
    return useCases
        .channels()
        .leave(command)
        .thenApply(
            left -> {
              ObjectNode reply = Replies.ok();
              names(reply.putArray("left"), left);
              return reply;
            });
  }

  private CompletionStage<ObjectNode> sendMessage(Caller caller, ObjectNode payload) {
    SendMessageCommand command =
        new SendMessageCommand(
            caller,
            Payloads.string(payload, "channel"),
            Payloads.string(payload, "message"),
            // Clients commonly omit the type of a plain text message.
            Payloads.optionalString(payload, "type").orElse("text"),
            Payloads.optionalObject(payload, "metadata"),
            Payloads.optionalString(payload, "client_msg_id"));
    return useCases
        .messaging()
        .sendMessage(command)
        .thenApply(
            message ->
                Replies.ok()
                    .put("id", message.id().value())
                    .put("timestamp", IsoInstants.format(message.timestamp())));
  }

  private CompletionStage<ObjectNode> broadcast(Caller caller, ObjectNode payload) {
    BroadcastCommand command =
        new BroadcastCommand(
            caller,
            Payloads.string(payload, "channel"),
            Payloads.string(payload, "event_type"),
            Payloads.optionalObject(payload, "data"));
    return ok(useCases.messaging().broadcast(command));
  }

  private CompletionStage<ObjectNode> typing(Caller caller, ObjectNode payload) {
    RoomId room = id(payload, "room_id", RoomId::of);
    return ok(useCases.chat().typing(caller, room, Payloads.bool(payload, "is_typing")));
  }

  private CompletionStage<ObjectNode> markRead(Caller caller, ObjectNode payload) {
    RoomId room = id(payload, "room_id", RoomId::of);
    MessageId message = id(payload, "message_id", MessageId::of);
    return ok(useCases.chat().markRead(caller, room, message));
  }

  private CompletionStage<ObjectNode> mark(
      Caller caller, ObjectNode payload, NotificationStatus status) {
    NotificationId notification = id(payload, "id", NotificationId::of);
    return ok(useCases.notifications().mark(caller, notification, status));
  }

  private CompletionStage<ObjectNode> networkInfo(Caller caller, ObjectNode payload) {
    String wire = Payloads.string(payload, "bandwidth");
    Bandwidth bandwidth =
        Bandwidth.fromWire(wire).orElseThrow(() -> invalid("bandwidth is one of 2g, 3g, 4g, wifi"));
    int latency = Payloads.optionalInt(payload, "latency_ms", 0, 600_000).orElse(0);
    double loss = Payloads.optionalNumber(payload, "packet_loss").orElse(0.0);
    return ok(
        useCases.presence().networkInfo(caller, new ConnectionQuality(bandwidth, latency, loss)));
  }

  private CompletionStage<ObjectNode> placeBid(Caller caller, ObjectNode payload) {
    AuctionUseCase auctions =
        useCases
            .auctions()
            .orElseThrow(
                () -> new RealtimeException(ErrorCode.NOT_FOUND, "auctions are not enabled"));
    PlaceBidCommand command =
        new PlaceBidCommand(caller, Payloads.string(payload, "auction_id"), amount(payload));
    return auctions
        .placeBid(command)
        .thenApply(bid -> Replies.ok().put("bid_id", bid.id().value()).put("amount", bid.amount()));
  }

  /** A bid amount: a JSON number (read exactly, as a decimal) or a numeric string. */
  private static BigDecimal amount(ObjectNode payload) {
    JsonNode raw = payload.get("amount");
    try {
      if (raw != null && raw.isNumber()) {
        return raw.decimalValue();
      }
      if (raw != null && raw.isTextual() && raw.textValue().length() <= 32) {
        return new BigDecimal(raw.textValue().strip());
      }
    } catch (NumberFormatException e) {
      // falls through to the one error below
    }
    throw invalid("amount must be a number");
  }

  /** A required id field, parsed by its typed id's factory; a malformed id is invalid. */
  private static <T> T id(ObjectNode payload, String field, Function<String, T> parse) {
    String raw = Payloads.string(payload, field);
    try {
      return parse.apply(raw);
    } catch (IllegalArgumentException malformed) {
      throw invalid(field + " is malformed");
    }
  }

  private static void names(ArrayNode target, List<ChannelName> channels) {
    channels.forEach(c -> target.add(c.toString()));
  }

  private static CompletionStage<ObjectNode> ok(CompletionStage<?> stage) {
    return stage.thenApply(ignored -> Replies.ok());
  }
}
