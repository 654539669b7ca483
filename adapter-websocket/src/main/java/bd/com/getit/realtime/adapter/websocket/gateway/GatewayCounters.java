package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.domain.ErrorCode;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the {@code /realtime} namespace counts for the node's metrics: connections, disconnections
 * by reason, refusals by error code, and rate-limit refusals by client event. Every counter is made
 * up front and indexed by an enum ordinal or a fixed list, so counting is one {@link
 * LongAdder#increment()} with no allocation; readers (a metrics scrape) sum at their own pace.
 * Thread-safe.
 */
public final class GatewayCounters {
  /**
   * The client events a rate limit may refuse (PROTOCOL section 7), and {@code connect} for the
   * per-address connection limit; any other name counts as {@code other}.
   */
  public static final List<String> RATE_LIMITED_ACTIONS =
      List.of(
          "connect",
          "join_channel",
          "send_message",
          "broadcast_event",
          "update_presence",
          "typing",
          "mark_read",
          "notification_read",
          "notification_clicked",
          "place_bid",
          "other");

  private static final ErrorCode[] CODES = ErrorCode.values();

  private final LongAdder connections = new LongAdder();
  private final LongAdder[] disconnections = adders(DisconnectReason.values().length);
  private final LongAdder[] refusals = adders(CODES.length);
  private final LongAdder[] rateLimited = adders(RATE_LIMITED_ACTIONS.size());

  private static LongAdder[] adders(int n) {
    LongAdder[] adders = new LongAdder[n];
    for (int i = 0; i < n; i++) {
      adders[i] = new LongAdder();
    }
    return adders;
  }

  void connected() {
    connections.increment();
  }

  void disconnected(DisconnectReason reason) {
    disconnections[reason.ordinal()].increment();
  }

  /** A refused CONNECT or client event; {@code event} names the event ({@code connect}). */
  void refused(ErrorCode code, String event) {
    refusals[code.ordinal()].increment();
    if (code == ErrorCode.RATE_LIMITED) {
      int i = RATE_LIMITED_ACTIONS.indexOf(event);
      rateLimited[i < 0 ? RATE_LIMITED_ACTIONS.size() - 1 : i].increment();
    }
  }

  /** Sockets connected to {@code /realtime} since start. */
  public long connections() {
    return connections.sum();
  }

  /** Sockets that left {@code /realtime} for {@code reason} since start. */
  public long disconnections(DisconnectReason reason) {
    return disconnections[Objects.requireNonNull(reason, "reason").ordinal()].sum();
  }

  /** CONNECTs and client events refused with {@code code} since start. */
  public long refusals(ErrorCode code) {
    return refusals[Objects.requireNonNull(code, "code").ordinal()].sum();
  }

  /** {@code RATE_LIMITED} refusals of one of {@link #RATE_LIMITED_ACTIONS} since start. */
  public long rateLimited(String action) {
    int i = RATE_LIMITED_ACTIONS.indexOf(action);
    if (i < 0) {
      throw new IllegalArgumentException("not a counted action: " + action);
    }
    return rateLimited[i].sum();
  }
}
