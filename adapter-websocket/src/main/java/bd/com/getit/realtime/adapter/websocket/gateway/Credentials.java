package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.adapter.websocket.socketio.Handshake;
import bd.com.getit.realtime.domain.Language;
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
 * recovery data of a previous session, and the language the client asks for.
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

  /**
   * The language the client asks for (PROTOCOL 10.3): the CONNECT auth's {@code locale} when it
   * names {@code bn} or {@code en}, else the first of those in {@code Accept-Language} by weight;
   * empty when neither says. The token's own {@code locale} claim wins over both (in the core).
   */
  static Optional<Language> language(Handshake handshake) {
    if (handshake.auth() != null) {
      JsonNode locale = handshake.auth().get("locale");
      if (locale != null && locale.isTextual()) {
        Optional<Language> asked = Language.parse(locale.textValue());
        if (asked.isPresent()) {
          return asked;
        }
      }
    }
    return first(handshake.headers(), "accept-language").flatMap(Credentials::acceptLanguage);
  }

  private static Optional<Language> acceptLanguage(String header) {
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        if (range.getWeight() > 0) {
          Optional<Language> language = Language.parse(range.getRange());
          if (language.isPresent()) {
            return language;
          }
        }
      }
    } catch (IllegalArgumentException malformed) {
      // A malformed header says nothing: English, as with none.
    }
    return Optional.empty();
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
