package bd.com.getit.realtime.core.testing;

import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RealtimeException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every check; denies the actions it is told to deny. */
public final class RecordingRateLimiter implements RateLimiter {

  /** One check. */
  public record Check(Principal principal, Action action) {}

  private final List<Check> checks = new CopyOnWriteArrayList<>();
  private final Set<Action> denied = EnumSet.noneOf(Action.class);

  @Override
  public synchronized CompletionStage<Void> check(Principal principal, Action action) {
    checks.add(new Check(principal, action));
    if (denied.contains(action)) {
      return CompletableFuture.failedFuture(
          new RealtimeException(ErrorCode.RATE_LIMITED, "slow down", 1234));
    }
    return CompletableFuture.completedFuture(null);
  }

  public synchronized void deny(Action action) {
    denied.add(action);
  }

  public List<Action> actions() {
    return checks.stream().map(Check::action).toList();
  }

  public List<Check> checks() {
    return List.copyOf(checks);
  }
}
