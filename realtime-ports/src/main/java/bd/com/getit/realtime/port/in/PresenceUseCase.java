package bd.com.getit.realtime.port.in;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.ConnectionQuality;
import bd.com.getit.realtime.domain.presence.OnlineUsers;
import bd.com.getit.realtime.domain.presence.Presence;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Presence: updates from devices, reading a user's presence, online counts, link quality. */
public interface PresenceUseCase {

  /** Validates and applies a presence update; completes with the user's aggregated presence. */
  CompletionStage<Presence> update(UpdatePresenceCommand command);

  CompletionStage<Presence> get(Caller caller, UserId user);

  CompletionStage<OnlineUsers> onlineUsers(Caller caller);

  /** Records the socket's link quality, which adapts its delivery (PROTOCOL section 6). */
  CompletionStage<Void> networkInfo(Caller caller, ConnectionQuality quality);

  /**
   * The raw update as the client sent it ({@code status}, {@code current_page}, {@code activity},
   * {@code location}); the core validates it. Without a connection (REST) it applies to every
   * device of the caller.
   */
  record UpdatePresenceCommand(Caller caller, JsonValue.JsonObject update) {
    public UpdatePresenceCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(update, "update");
    }
  }
}
