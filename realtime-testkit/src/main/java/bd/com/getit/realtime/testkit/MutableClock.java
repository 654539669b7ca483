package bd.com.getit.realtime.testkit;

import bd.com.getit.realtime.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that only moves when a test moves it. Thread-safe. */
public final class MutableClock implements Clock {

  /** Where every new clock starts unless told otherwise: a fixed, readable instant. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private final AtomicReference<Instant> now;

  public MutableClock() {
    this(DEFAULT_START);
  }

  public MutableClock(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  @Override
  public Instant now() {
    return now.get();
  }

  /** Jumps to {@code instant}, forwards or backwards. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /** Moves forward by {@code duration} (which may not be negative); returns the new time. */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock advances by a positive duration: " + duration);
    }
    return now.updateAndGet(t -> t.plus(duration));
  }

  /** Moves forward by {@code millis} milliseconds; returns the new time. */
  public Instant advanceMillis(long millis) {
    return advance(Duration.ofMillis(millis));
  }
}
