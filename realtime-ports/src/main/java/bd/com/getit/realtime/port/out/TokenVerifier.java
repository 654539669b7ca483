package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.UserId;

/**
 * Verifies JWTs: connection tokens and subscription tokens for private channels (PROTOCOL sections
 * 2 and 3). Called on the gateway's and REST threads: it must not block (key sets are fetched and
 * refreshed off the calling thread). Thread-safe.
 */
public interface TokenVerifier {

  /**
   * The principal a connection token names.
   *
   * @throws bd.com.getit.realtime.domain.RealtimeException {@code AUTH_INVALID} for a bad, tampered
   *     or wrongly signed token, {@code AUTH_EXPIRED} for an expired one
   */
  Principal verify(String token);

  /**
   * Whether {@code token} is a valid subscription token whose {@code sub} is {@code user} and whose
   * {@code channel} claim is exactly {@code channel}. Never throws for a bad token: it is false.
   */
  boolean allowsSubscription(String token, UserId user, ChannelName channel);
}
