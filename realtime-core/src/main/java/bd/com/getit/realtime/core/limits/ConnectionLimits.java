package bd.com.getit.realtime.core.limits;

import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.IpAddress;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RateLimit;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.port.out.RateLimitStore;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The connection limits of PROTOCOL section 7: new connections a minute per client address
 * (loopback exempt) and live connections per user across the cluster. Both fail with {@link
 * ErrorCode#CONNECTION_LIMIT}. Two racing connects of one user may both pass the per-user check:
 * the registry is read, not locked. Thread-safe.
 */
public final class ConnectionLimits {

  private final ConnectionRegistry registry;
  private final RateLimitStore store;
  private final Clock clock;
  private final int maxPerUser;
  private final RateLimit perAddress;

  public ConnectionLimits(
      ConnectionRegistry registry,
      RateLimitStore store,
      Clock clock,
      int maxPerUser,
      int newPerAddressPerMinute) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxPerUser < 1) {
      throw new IllegalArgumentException("maxPerUser >= 1");
    }
    this.maxPerUser = maxPerUser;
    this.perAddress = RateLimit.perMinute(newPerAddressPerMinute);
  }

  /**
   * Completes normally when {@code principal} may open one more connection from {@code address}.
   */
  public CompletionStage<Void> check(Principal principal, String clientAddress) {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(clientAddress, "clientAddress");
    return checkAddress(clientAddress).thenCompose(v -> checkUser(principal));
  }

  private CompletionStage<Void> checkAddress(String address) {
    if (IpAddress.isLoopback(address)) {
      return Stages.done();
    }
    return Stages.guard(
            () -> store.tryAcquire("addr:" + address + ":connect", perAddress, clock.now()))
        .thenCompose(
            decision ->
                decision.allowed()
                    ? Stages.done()
                    : CompletableFuture.failedFuture(
                        new RealtimeException(
                            ErrorCode.CONNECTION_LIMIT,
                            "too many new connections from this address",
                            decision.retryAfterMs())));
  }

  private CompletionStage<Void> checkUser(Principal principal) {
    if (principal.isGuest()) {
      // A guest's id is new with each connection: there is nothing to count.
      return Stages.done();
    }
    return Stages.guard(() -> registry.connectionsOf(principal.user()))
        .thenCompose(
            live ->
                live.size() < maxPerUser
                    ? Stages.done()
                    : Stages.failed(
                        ErrorCode.CONNECTION_LIMIT,
                        "at most " + maxPerUser + " live connections per user"));
  }
}
