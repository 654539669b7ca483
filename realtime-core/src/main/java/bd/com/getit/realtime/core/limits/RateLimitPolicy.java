package bd.com.getit.realtime.core.limits;

import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RateDecision;
import bd.com.getit.realtime.domain.RateLimit;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.RateLimitStore;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The per-user, per-action limits of PROTOCOL section 7 over a shared {@link RateLimitStore}, keyed
 * {@code <user>:<action>}; services and admins are exempt. Thread-safe.
 */
public final class RateLimitPolicy implements RateLimiter {

  private final RateLimitStore store;
  private final Clock clock;
  private final Map<Action, RateLimit> limits;

  /** Each action's lower-case name, made once rather than per check. */
  private static final String[] NAMES = new String[Action.values().length];

  static {
    for (Action action : Action.values()) {
      NAMES[action.ordinal()] = action.name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * @param limits the limit of each action; an action missing here keeps its default
   */
  public RateLimitPolicy(RateLimitStore store, Clock clock, Map<Action, RateLimit> limits) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(limits, "limits");
    EnumMap<Action, RateLimit> all = new EnumMap<>(Action.class);
    for (Action action : Action.values()) {
      all.put(action, limits.getOrDefault(action, RateLimit.perMinute(action.defaultPerMinute())));
    }
    this.limits = all;
  }

  /** The store key of one user's action. */
  static String key(Principal principal, Action action) {
    return principal.user().value() + ":" + NAMES[action.ordinal()];
  }

  @Override
  public CompletionStage<Void> check(Principal principal, Action action) {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(action, "action");
    if (principal.isTrusted()) {
      return Stages.done();
    }
    // Stages.guard and thenCompose written out: no lambda per check when the store has answered.
    CompletionStage<RateDecision> decided;
    try {
      decided = store.tryAcquire(key(principal, action), limits.get(action), clock.now());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (decided == null) {
      return Stages.failed(ErrorCode.INTERNAL, "a port returned no stage");
    }
    if (Stages.succeeded(decided)) {
      return verdict(Stages.valueOf(decided), action);
    }
    return decided.thenCompose(decision -> verdict(decision, action));
  }

  private static CompletionStage<Void> verdict(RateDecision decision, Action action) {
    return decision.allowed()
        ? Stages.done()
        : CompletableFuture.failedFuture(
            new RealtimeException(
                ErrorCode.RATE_LIMITED,
                "too many " + NAMES[action.ordinal()],
                decision.retryAfterMs()));
  }
}
