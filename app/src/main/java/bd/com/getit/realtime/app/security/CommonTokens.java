package bd.com.getit.realtime.app.security;

import bd.com.getit.realtime.domain.RealtimeException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Accepts the common token without nimbus's JSON processing, or leaves it to nimbus. Nimbus parses
 * every token's header and payload into maps with its shaded Gson and builds a {@code
 * JWTClaimsSet}: a tenth of a handshake's CPU. Every token a client presents has the same header,
 * so a header is parsed by nimbus once and remembered; the payload is parsed once by Jackson; the
 * signature is checked by the same key selector and verifier nimbus's processor uses, on the raw
 * parts; the claims by nimbus's rules ({@code DefaultJWTClaimsVerifier}: audience, required claims,
 * exact issuer, {@code exp} and {@code nbf} with the clock skew).
 *
 * <p>It only ever <em>accepts</em>: anything unusual (a header with more than {@code alg} and
 * {@code typ}, a payload Jackson reads differently from nimbus's Gson, a number that is not a whole
 * one, a bad signature, an expired token) answers empty and the caller asks nimbus, which refuses
 * with its own reason. So what this class accepts is a subset of what nimbus accepts, and every
 * refusal still comes from nimbus. Thread-safe.
 */
final class CommonTokens {

  /** Distinct headers remembered; a flood of distinct headers starts the map over. */
  static final int HEADER_CAPACITY = 16;

  /** Whole seconds beyond which {@code exp}/{@code nbf} are left to nimbus (no overflow in ms). */
  private static final long MAX_EPOCH_SECONDS = 1_000_000_000_000L;

  private static final Set<String> PLAIN_HEADER = Set.of("alg", "typ");
  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
  private static final ObjectReader CLAIMS =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .readerFor(new TypeReference<Map<String, Object>>() {});

  /** What a header segment was found to be: usable here with this parsed header, or not. */
  private record Header(Optional<JWSHeader> plain) {}

  private final JWSKeySelector<SecurityContext> keys;
  private final JWSVerifierFactory verifiers;
  private final JOSEObjectTypeVerifier<SecurityContext> types;
  private final Optional<String> issuer;
  private final Optional<String> audience;
  private final boolean requireExpiry;
  private final long skewMillis;
  private final LongSupplier nowMillis;
  private final ConcurrentMap<String, Header> headers = new ConcurrentHashMap<>();

  /**
   * @param keys, verifiers, types the processor's own key selector, verifier factory and header
   *     type verifier
   * @param issuer, audience, requireExpiry, clockSkew the claims rules the processor's claims
   *     verifier was built with
   * @param nowMillis the clock nimbus reads ({@code System::currentTimeMillis} but in tests)
   */
  CommonTokens(
      JWSKeySelector<SecurityContext> keys,
      JWSVerifierFactory verifiers,
      JOSEObjectTypeVerifier<SecurityContext> types,
      Optional<String> issuer,
      Optional<String> audience,
      boolean requireExpiry,
      Duration clockSkew,
      LongSupplier nowMillis) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.verifiers = Objects.requireNonNull(verifiers, "verifiers");
    this.types = Objects.requireNonNull(types, "types");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.audience = Objects.requireNonNull(audience, "audience");
    this.requireExpiry = requireExpiry;
    this.skewMillis = clockSkew.toSeconds() * 1000L; // nimbus keeps whole seconds
    this.nowMillis = Objects.requireNonNull(nowMillis, "nowMillis");
  }

  /**
   * The claims of {@code token} when it is a common token that nimbus would accept, as JSON values
   * (strings, whole numbers as {@code Integer}/{@code Long}, lists); empty when nimbus must decide.
   * {@code token} is already known to be non-blank and of bounded length.
   */
  Optional<Map<String, Object>> claims(String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0 || token.indexOf('.', second + 1) >= 0) {
      return Optional.empty();
    }
    Optional<JWSHeader> header = header(token.substring(0, first));
    if (header.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> claims = payload(token.substring(first + 1, second));
    if (claims == null || !claimsAccepted(claims) || !signed(header.get(), token, second)) {
      return Optional.empty();
    }
    return Optional.of(claims);
  }

  private Optional<JWSHeader> header(String segment) {
    Header known = headers.get(segment);
    if (known == null) {
      known = new Header(plainHeader(segment));
      if (headers.size() >= HEADER_CAPACITY) {
        headers.clear();
      }
      headers.put(segment, known);
    }
    return known.plain();
  }

  /** Nimbus's parse of the header, when it names nothing but {@code alg} and an accepted type. */
  private Optional<JWSHeader> plainHeader(String segment) {
    try {
      JWSHeader header = JWSHeader.parse(new Base64URL(segment));
      if (!PLAIN_HEADER.containsAll(header.getIncludedParams())) {
        return Optional.empty();
      }
      types.verify(header.getType(), null);
      return Optional.of(header);
    } catch (ParseException | BadJOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The payload as a JSON object, or null when Jackson and nimbus might read it differently. */
  private static Map<String, Object> payload(String segment) {
    try {
      byte[] json = BASE64URL.decode(segment);
      // Jackson skips a byte order mark and nimbus's Gson does not: only a plain object here.
      if (json.length == 0 || json[0] != '{') {
        return null;
      }
      return CLAIMS.readValue(json);
    } catch (IllegalArgumentException | IOException e) {
      return null;
    }
  }

  /** Nimbus's claim parsing and {@code DefaultJWTClaimsVerifier}'s rules, in its order. */
  private boolean claimsAccepted(Map<String, Object> claims) {
    try {
      ClaimTypes.check(claims);
    } catch (RealtimeException e) {
      return false;
    }
    Object jti = claims.get("jti");
    if ((claims.containsKey("jti") && !(jti instanceof String))
        || (claims.containsKey("iat") && wholeSeconds(claims.get("iat")) == null)) {
      return false; // nimbus refuses a jti that is no string; iat of another kind: let it judge
    }
    if (audience.isPresent() && !audienceAccepted(claims.get("aud"))) {
      return false;
    }
    if (!claims.containsKey("sub") || (requireExpiry && !claims.containsKey("exp"))) {
      return false;
    }
    if (issuer.isPresent() && !issuer.get().equals(claims.get("iss"))) {
      return false;
    }
    long now = nowMillis.getAsLong();
    if (claims.containsKey("exp")) {
      Long exp = wholeSeconds(claims.get("exp"));
      if (exp == null || exp * 1000L + skewMillis <= now) {
        return false;
      }
    }
    if (claims.containsKey("nbf")) {
      Long nbf = wholeSeconds(claims.get("nbf"));
      if (nbf == null || nbf * 1000L - skewMillis >= now) {
        return false;
      }
    }
    return true;
  }

  private boolean audienceAccepted(Object aud) {
    if (aud instanceof String one) {
      return audience.get().equals(one);
    }
    return aud instanceof List<?> many && many.contains(audience.get());
  }

  /** A JSON whole number in a range where seconds to milliseconds cannot overflow, else null. */
  private static Long wholeSeconds(Object value) {
    if ((value instanceof Integer || value instanceof Long)
        && Math.abs(((Number) value).longValue()) < MAX_EPOCH_SECONDS) {
      return ((Number) value).longValue();
    }
    return null;
  }

  /** The signature, checked as nimbus's processor checks it: each key the selector offers. */
  private boolean signed(JWSHeader header, String token, int second) {
    try {
      List<? extends Key> candidates = keys.selectJWSKeys(header, null);
      byte[] signingInput = token.substring(0, second).getBytes(StandardCharsets.UTF_8);
      Base64URL signature = new Base64URL(token.substring(second + 1));
      for (Key key : candidates) {
        JWSVerifier verifier = verifiers.createJWSVerifier(header, key);
        if (verifier != null && verifier.verify(header, signingInput, signature)) {
          return true;
        }
      }
      return false;
    } catch (JOSEException | RuntimeException e) {
      return false;
    }
  }

  int headersHeld() {
    return headers.size();
  }
}
