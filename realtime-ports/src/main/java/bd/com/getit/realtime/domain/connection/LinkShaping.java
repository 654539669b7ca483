package bd.com.getit.realtime.domain.connection;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How delivery to a socket on a slow link is shaped (PROTOCOL section 10.4): the batching window
 * per network class, the throughput assumed for each class (what the server paces {@code low} and
 * {@code medium} events to, so that they never fill the link ahead of a {@code critical} one), and
 * how many seconds of that throughput a socket's held events may amount to before the oldest {@code
 * low} ones are shed. A socket whose send queue stays backed up, whatever it reported, is shaped
 * with {@code backedUpWindow} and released only as fast as it drains.
 *
 * @param window2g how long frames are gathered into one write on 2G (default 300 ms)
 * @param window3g the same on 3G (default 100 ms)
 * @param backedUpWindow the same for a socket whose send queue stays backed up (default 100 ms)
 * @param bytesPerSecond2g the throughput assumed on 2G (default 6,250 B/s: 50 kbit/s)
 * @param bytesPerSecond3g the throughput assumed on 3G (default 50,000 B/s: 400 kbit/s)
 * @param heldSeconds how much of that throughput held {@code low} events may amount to (default 2
 *     s)
 */
public record LinkShaping(
    Duration window2g,
    Duration window3g,
    Duration backedUpWindow,
    long bytesPerSecond2g,
    long bytesPerSecond3g,
    Duration heldSeconds) {

  public static final LinkShaping DEFAULT =
      new LinkShaping(
          Duration.ofMillis(300),
          Duration.ofMillis(100),
          Duration.ofMillis(100),
          6_250,
          50_000,
          Duration.ofSeconds(2));

  public LinkShaping {
    positive(window2g, "window2g");
    positive(window3g, "window3g");
    positive(backedUpWindow, "backedUpWindow");
    positive(heldSeconds, "heldSeconds");
    if (bytesPerSecond2g <= 0 || bytesPerSecond3g <= 0) {
      throw new IllegalArgumentException("throughputs must be positive");
    }
  }

  private static void positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /** The batching window of a reported class; empty for a class that is not shaped. */
  public Optional<Duration> window(Bandwidth bandwidth) {
    return switch (bandwidth) {
      case G2 -> Optional.of(window2g);
      case G3 -> Optional.of(window3g);
      case G4, WIFI -> Optional.empty();
    };
  }

  /** The throughput assumed for a shaped class, in bytes per second; 0 when not shaped. */
  public long bytesPerSecond(Bandwidth bandwidth) {
    return switch (bandwidth) {
      case G2 -> bytesPerSecond2g;
      case G3 -> bytesPerSecond3g;
      case G4, WIFI -> 0;
    };
  }

  /** The most bytes of held {@code low} events a socket of {@code bandwidth} may have. */
  public long heldLowBytes(Bandwidth bandwidth) {
    return bytesPerSecond(bandwidth) * heldSeconds.toMillis() / 1000;
  }
}
