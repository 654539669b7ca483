package bd.com.getit.realtime.app.security;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import java.util.List;
import java.util.Map;

/**
 * The JSON type each claim the server reads must have (PROTOCOL 10.1), checked on the payload as
 * sent, before nimbus converts it: nimbus reads a numeric {@code sub} as its text and is lenient
 * elsewhere, so a claim of the wrong type would otherwise pass as another value. A claim that is
 * absent passes here (which claims are required is the claims verifier's business); a claim that is
 * present, {@code null} included, must have its type. Every interface verifies tokens through
 * {@link NimbusTokenVerifier}, so this one table is the check for the socket, REST and subscription
 * tokens alike: a claim the server starts to read gets its row here.
 */
final class ClaimTypes {

  /** The JSON types a claim may have. */
  enum Type {
    /** A string with at least one character that is not white space. */
    NON_EMPTY_STRING("a non-empty string"),
    /** Any string. */
    STRING("a string"),
    /** A JSON number. */
    NUMBER("a number"),
    /** An array whose items are all strings. */
    STRING_ARRAY("an array of strings"),
    /** A string or an array of strings (RFC 7519's {@code aud}). */
    STRING_OR_STRING_ARRAY("a string or an array of strings");

    private final String description;

    Type(String description) {
      this.description = description;
    }

    boolean matches(Object value) {
      return switch (this) {
        case NON_EMPTY_STRING -> value instanceof String text && !text.isBlank();
        case STRING -> value instanceof String;
        case NUMBER -> value instanceof Number;
        case STRING_ARRAY -> isStringArray(value);
        case STRING_OR_STRING_ARRAY -> value instanceof String || isStringArray(value);
      };
    }

    private static boolean isStringArray(Object value) {
      return value instanceof List<?> items && items.stream().allMatch(String.class::isInstance);
    }
  }

  /** One claim the server reads and the type it must have. */
  record Rule(String claim, Type type) {}

  /** Each claim the server reads, in the order they are checked. */
  static final List<Rule> RULES =
      List.of(
          new Rule("sub", Type.NON_EMPTY_STRING),
          new Rule("roles", Type.STRING_ARRAY),
          new Rule("exp", Type.NUMBER),
          new Rule("nbf", Type.NUMBER),
          new Rule("iat", Type.NUMBER),
          new Rule("iss", Type.STRING),
          new Rule("aud", Type.STRING_OR_STRING_ARRAY),
          new Rule("name", Type.STRING),
          new Rule("vendor_id", Type.NON_EMPTY_STRING),
          new Rule("locale", Type.STRING),
          new Rule("channel", Type.NON_EMPTY_STRING));

  private ClaimTypes() {}

  /**
   * Checks every claim of {@link #RULES} that {@code payload} holds.
   *
   * @param payload the token's payload as parsed, or null when it is no JSON object
   * @throws RealtimeException {@code AUTH_INVALID}, naming the first claim of the wrong type, or
   *     for a payload that is no JSON object
   */
  static void check(Map<String, Object> payload) {
    if (payload == null) {
      throw new RealtimeException(ErrorCode.AUTH_INVALID, "the payload is no JSON object");
    }
    for (Rule rule : RULES) {
      if (payload.containsKey(rule.claim()) && !rule.type().matches(payload.get(rule.claim()))) {
        throw new RealtimeException(
            ErrorCode.AUTH_INVALID, rule.claim() + " must be " + rule.type().description);
      }
    }
  }
}
