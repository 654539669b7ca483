package bd.com.getit.realtime.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Who calls a use case: the principal, and the connection when the call comes from a socket (empty
 * for the REST API and other services).
 */
public record Caller(Principal principal, Optional<ConnectionId> connection) {
  public Caller {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(connection, "connection");
  }

  public static Caller of(Principal principal) {
    return new Caller(principal, Optional.empty());
  }

  public static Caller of(Principal principal, ConnectionId connection) {
    return new Caller(principal, Optional.of(connection));
  }

  public UserId user() {
    return principal.user();
  }
}
