package bd.com.getit.realtime.adapter.websocket.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a CONNECT: accepted with the socket id (and, with recovery enabled, the private
 * session id and whether the previous session was recovered), or rejected with the CONNECT_ERROR
 * payload.
 */
public record ConnectDecision(
    boolean accepted, String socketId, Optional<String> pid, boolean recovered, JsonNode error) {

  public static ConnectDecision accept(String socketId, Optional<String> pid, boolean recovered) {
    return new ConnectDecision(true, Objects.requireNonNull(socketId), pid, recovered, null);
  }

  /**
   * @param error e.g. {@code {"message":"unauthorized","data":{"code":"AUTH_INVALID"}}}
   */
  public static ConnectDecision reject(JsonNode error) {
    return new ConnectDecision(false, null, Optional.empty(), false, Objects.requireNonNull(error));
  }
}
