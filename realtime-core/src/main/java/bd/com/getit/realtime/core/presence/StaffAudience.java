package bd.com.getit.realtime.core.presence;

import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether a {@code presence_update} sent to {@code admin:presence} can reach anyone. With nobody
 * listening, building and routing that event on every connect and disconnect is work nobody sees
 * (7% of a handshake's CPU on a node with no staff dashboard open). Thread-safe; never blocks.
 */
public sealed interface StaffAudience {

  /** The answer where this node cannot see every listener: always publish. */
  StaffAudience ANYONE = new Anyone();

  /** Whether an event to {@code admin:presence} may reach a listener, now or after a recovery. */
  boolean listening();

  /**
   * A single node with no outbound events: every listener is a socket of this node, so a local
   * subscriber of {@code admin:presence} is the answer; and for {@code grace} (the recovery window)
   * after the last one left, one still counts: its session may come back and replay from the bus
   * what it missed.
   */
  static StaffAudience local(LocalSessions sessions, Clock clock, Duration grace) {
    return new Local(sessions, clock, grace);
  }

  /**
   * Everyone may listen: in a cluster, where other nodes' staff subscribe through their own nodes
   * (no node sees the others' subscribers without a round trip), and wherever the {@code
   * admin:presence} copy is also the one handed to other services (outbound events).
   */
  final class Anyone implements StaffAudience {
    private Anyone() {}

    @Override
    public boolean listening() {
      return true;
    }
  }

  /** See {@link #local}. */
  final class Local implements StaffAudience {
    private final LocalSessions sessions;
    private final Clock clock;
    private final Duration grace;
    // When the last local subscriber left; null before. Set before the channel reads as empty.
    private volatile Instant lastLeft;

    private Local(LocalSessions sessions, Clock clock, Duration grace) {
      this.sessions = Objects.requireNonNull(sessions, "sessions");
      this.clock = Objects.requireNonNull(clock, "clock");
      this.grace = Objects.requireNonNull(grace, "grace");
      if (grace.isNegative()) {
        throw new IllegalArgumentException("grace >= 0");
      }
      sessions.onLastLeft(this::emptied);
    }

    private void emptied(ChannelName channel) {
      if (channel.equals(ChannelName.ADMIN_PRESENCE)) {
        lastLeft = clock.now();
      }
    }

    @Override
    public boolean listening() {
      if (sessions.hasSubscribers(ChannelName.ADMIN_PRESENCE)) {
        return true;
      }
      Instant left = lastLeft;
      return left != null && !clock.now().isAfter(left.plus(grace));
    }
  }
}
