package bd.com.getit.realtime.port.out;

import java.time.Instant;

/**
 * The time: the system clock in production, a hand-moved one in tests. Thread-safe, non-blocking.
 */
@FunctionalInterface
public interface Clock {
  Instant now();

  static Clock system() {
    return Instant::now;
  }
}
