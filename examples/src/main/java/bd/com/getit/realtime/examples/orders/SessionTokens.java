package bd.com.getit.realtime.examples.orders;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.out.TokenVerifier;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The order service's signed-in customers: it already knows who they are, so it hands each one an
 * opaque random token for the Socket.IO connection and checks it here, with no JWT at all. A
 * service with an identity provider would verify its JWTs instead. Thread-safe; never blocks.
 */
public final class SessionTokens implements TokenVerifier {
  private final SecureRandom random = new SecureRandom();
  private final Map<String, UserId> sessions = new ConcurrentHashMap<>();

  /** A new token for {@code customer}, good until {@link #revoke}d. */
  public String issue(UserId customer) {
    Objects.requireNonNull(customer, "customer");
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    sessions.put(token, customer);
    return token;
  }

  public void revoke(String token) {
    sessions.remove(token);
  }

  @Override
  public Principal verify(String token) {
    UserId customer = token == null ? null : sessions.get(token);
    if (customer == null) {
      throw new RealtimeException(ErrorCode.AUTH_INVALID, "unknown session token");
    }
    return Principal.of(customer, Set.of(Role.CUSTOMER));
  }

  /** This service has no private channels to subscribe to. */
  @Override
  public boolean allowsSubscription(String token, UserId user, ChannelName channel) {
    return false;
  }
}
