package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.connection.RecoverySession;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.RecoveryStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import redis.clients.jedis.params.SetParams;

/**
 * Recovery sessions in Redis: the string {@code SESSION:{pid}} (the session as JSON with the end of
 * its window) expiring with the window. {@code GETDEL} takes it, so only one reconnect (on any
 * node) recovers it; the window is also checked against the clock.
 */
final class RedisRecoveryStore implements RecoveryStore {
  private final Redis redis;
  private final Clock clock;

  RedisRecoveryStore(Redis redis, Clock clock) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CompletionStage<Void> save(RecoverySession session, Duration window) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window > 0");
    }
    String json = Codec.session(session, clock.now().plus(window));
    return redis
        .call(
            c ->
                c.set(
                    redis.key("SESSION:" + session.pid()),
                    json,
                    SetParams.setParams().px(window.toMillis())))
        .thenApply(r -> null);
  }

  @Override
  public CompletionStage<Optional<RecoverySession>> take(String pid) {
    Objects.requireNonNull(pid, "pid");
    return redis
        .call(c -> Optional.ofNullable(c.getDel(redis.key("SESSION:" + pid))))
        .thenApply(
            json ->
                json.map(Codec::session)
                    .filter(held -> clock.now().isBefore(held.expiresAt()))
                    .map(Codec.HeldSession::session));
  }
}
