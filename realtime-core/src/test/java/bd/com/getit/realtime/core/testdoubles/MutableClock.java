package bd.com.getit.realtime.core.testdoubles;

import bd.com.getit.realtime.port.out.Clock;
import java.time.Duration;
import java.time.Instant;

/** A clock the test moves by hand. */
public final class MutableClock implements Clock {

  public static final Instant START = Instant.parse("2026-11-27T04:50:00Z");

  private volatile Instant now = START;

  @Override
  public Instant now() {
    return now;
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }

  public void set(Instant at) {
    now = at;
  }
}
