package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.adapter.websocket.socketio.Handshake;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.port.in.ConnectionUseCase.Recovery;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a handshake presents: the token (CONNECT auth {@code token}, then {@code
 * Authorization: Bearer}, then the {@code token} query parameter, PROTOCOL section 2) and the
 * recovery data of a previous session.
 */
final class Credentials {

  private static final String BEARER = "bearer ";

  private Credentials() {}

  static Optional<String> token(Handshake handshake) {
    Optional<String> fromAuth = fromAuth(handshake);
    if (fromAuth.isPresent()) {
      return fromAuth;
    }
    Optional<String> fromHeader = fromHeader(handshake.headers());
    if (fromHeader.isPresent()) {
      return fromHeader;
    }
    return first(handshake.query(), "token").filter(t -> !t.isBlank()).map(String::strip);
  }

  /** The previous session's pid and offset, when both are present and well formed. */
  static Optional<Recovery> recovery(Handshake handshake) {
    if (handshake.recoveryPid() == null || handshake.recoveryOffset() == null) {
      return Optional.empty();
    }
    Optional<String> pid = handshake.recoveryPid().filter(p -> !p.isBlank());
    Optional<String> offset = handshake.recoveryOffset();
    if (pid.isEmpty() || offset.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Recovery(pid.get(), new StreamOffset(offset.get())));
    } catch (IllegalArgumentException malformed) {
      // A bogus offset is no reason to refuse the connection: it just starts a new session.
      return Optional.empty();
    }
  }

  private static Optional<String> fromAuth(Handshake handshake) {
    if (handshake.auth() == null) {
      return Optional.empty();
    }
    JsonNode token = handshake.auth().get("token");
    if (token == null || !token.isTextual() || token.textValue().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(token.textValue().strip());
  }

  private static Optional<String> fromHeader(Map<String, List<String>> headers) {
    return first(headers, "authorization")
        .filter(v -> v.regionMatches(true, 0, BEARER, 0, BEARER.length()))
        .map(v -> v.substring(BEARER.length()).strip())
        .filter(t -> !t.isEmpty());
  }

  private static Optional<String> first(Map<String, List<String>> values, String name) {
    if (values == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, List<String>> e : values.entrySet()) {
      if (e.getKey() != null
          && e.getKey().toLowerCase(Locale.ROOT).equals(name)
          && e.getValue() != null
          && !e.getValue().isEmpty()
          && e.getValue().get(0) != null) {
        return Optional.of(e.getValue().get(0));
      }
    }
    return Optional.empty();
  }
}
