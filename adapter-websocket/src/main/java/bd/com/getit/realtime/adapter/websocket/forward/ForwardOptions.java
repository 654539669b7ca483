package bd.com.getit.realtime.adapter.websocket.forward;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node forwards to its peers.
 *
 * @param maxInFlight forwarded polling requests waiting for their owner at once; more are answered
 *     503 (a long-poll waits up to the ping interval, so this bounds the polls a node relays)
 * @param pollTimeout how long a forwarded request may wait for its owner: more than the ping
 *     interval plus the ping timeout, the longest an owner holds a poll
 * @param connectTimeout how long opening a connection to a peer may take
 * @param maxPayload the largest POST body relayed (the engine's own limit)
 * @param relayQueue frames a relayed websocket holds for its owner while the previous one is sent;
 *     a client that sends faster is disconnected and reconnects
 */
public record ForwardOptions(
    int maxInFlight,
    Duration pollTimeout,
    Duration connectTimeout,
    int maxPayload,
    int relayQueue) {

  public ForwardOptions {
    Objects.requireNonNull(pollTimeout, "pollTimeout");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (maxInFlight < 1 || maxPayload < 1 || relayQueue < 1) {
      throw new IllegalArgumentException("maxInFlight, maxPayload and relayQueue must be >= 1");
    }
    if (pollTimeout.isNegative()
        || pollTimeout.isZero()
        || connectTimeout.isNegative()
        || connectTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }
}
