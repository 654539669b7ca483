package bd.com.getit.realtime.port.in;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Chat messages ({@code send_message}) and role-gated broadcasts ({@code broadcast_event}). */
public interface MessagingUseCase {

  /**
   * Sanitises, stores and delivers a chat message to every subscriber of the room's channel but the
   * sending socket; queued for participants with no live connection. With a {@code client_msg_id}
   * already used by the sender in the room within 24 hours, completes with the first message (its
   * id and timestamp) and neither stores nor delivers anything.
   */
  CompletionStage<ChatMessage> sendMessage(SendMessageCommand command);

  /** Publishes an event on a channel for a caller whose role allows it. */
  CompletionStage<Event> broadcast(BroadcastCommand command);

  /**
   * @param type the wire message type ({@code text}, {@code image}, ...), validated by the core
   * @param clientMsgId the client's key for retries, validated by the core
   */
  record SendMessageCommand(
      Caller caller,
      String channel,
      String message,
      String type,
      JsonValue.JsonObject metadata,
      Optional<String> clientMsgId) {
    public SendMessageCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(metadata, "metadata");
      Objects.requireNonNull(clientMsgId, "clientMsgId");
    }

    /** A send without a {@code client_msg_id}. */
    public SendMessageCommand(
        Caller caller, String channel, String message, String type, JsonValue.JsonObject metadata) {
      this(caller, channel, message, type, metadata, Optional.empty());
    }
  }

  record BroadcastCommand(
      Caller caller, String channel, String eventType, JsonValue.JsonObject data) {
    public BroadcastCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(data, "data");
    }
  }
}
