package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.port.out.TokenVerifier;
import java.util.Objects;

/**
 * Reads the caller of an {@code Authorization: Bearer} header, for the Jersey filter and the
 * publish route alike, so that both refuse the same requests with the same problem: {@code
 * AUTH_REQUIRED} without a token (or with a guest's), {@code AUTH_EXPIRED} for an expired one,
 * {@code AUTH_INVALID} for anything else.
 */
final class BearerAuth {
  private static final String BEARER = "bearer ";

  private final TokenVerifier verifier;

  BearerAuth(TokenVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  /** The verified caller of {@code header} (which may be null), or the problem that refuses it. */
  Outcome authenticate(String header) {
    if (header == null || header.isBlank()) {
      return new Refused(Problem.of(ErrorCode.AUTH_REQUIRED, null));
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || header.substring(BEARER.length()).isBlank()) {
      return new Refused(
          Problem.of(ErrorCode.AUTH_INVALID, "expected Authorization: Bearer <token>"));
    }
    Principal principal;
    try {
      principal = verifier.verify(header.substring(BEARER.length()).strip());
    } catch (RealtimeException e) {
      return new Refused(Problem.of(authCode(e.code()), e.getMessage()));
    } catch (RuntimeException e) {
      return new Refused(Problem.of(ErrorCode.AUTH_INVALID, null));
    }
    if (principal.isGuest()) {
      return new Refused(Problem.of(ErrorCode.AUTH_REQUIRED, null));
    }
    return new Authenticated(Caller.of(principal));
  }

  private static ErrorCode authCode(ErrorCode code) {
    return code == ErrorCode.AUTH_EXPIRED || code == ErrorCode.AUTH_REQUIRED
        ? code
        : ErrorCode.AUTH_INVALID;
  }

  /** What a header amounts to. */
  sealed interface Outcome permits Authenticated, Refused {}

  /** A verified, signed-in caller. */
  record Authenticated(Caller caller) implements Outcome {}

  /** No caller: the request is answered with {@code problem} (401). */
  record Refused(Problem problem) implements Outcome {}
}
