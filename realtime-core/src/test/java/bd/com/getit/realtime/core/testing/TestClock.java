package bd.com.getit.realtime.core.testing;

import bd.com.getit.realtime.port.out.Clock;
import java.time.Duration;
import java.time.Instant;

/** A clock moved by hand. */
public final class TestClock implements Clock {
  public static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  private volatile Instant now = START;

  @Override
  public Instant now() {
    return now;
  }

  public void advance(Duration d) {
    now = now.plus(d);
  }

  public void set(Instant at) {
    now = at;
  }
}
