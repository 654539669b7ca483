package bd.com.getit.realtime.core.cluster;

import bd.com.getit.realtime.core.connection.SessionOwners;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ClusterMembership;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A node is gone when it has not renewed its heartbeat for {@code silence} (a few heartbeat
 * intervals), or is no member at all. Nodes beat every second or so while their heartbeat lives for
 * much longer (the node timeout, after which a dead node is cleaned up), so a node killed without a
 * word is known to be gone within seconds.
 *
 * <p>A client of a killed node reconnects elsewhere within a second or two (the official client's
 * first attempt comes 0.5 to 1.5 s after the drop), before the silence is over. Answering "not
 * gone" then would cost it its session and every event it missed. So while the owner's last beat is
 * younger than the silence, the answer waits, looking again every {@code poll}, until the owner
 * beats again (alive: "not gone") or stays silent for the whole silence ("gone"); the wait is at
 * most about one heartbeat interval for a live owner and the rest of the silence for a dead one.
 * Renewal is judged against the owner's own earlier beat, so the nodes' clocks only need to agree
 * to well within {@code silence} (NTP) for the final verdict. All the clients of one node asking at
 * once share one watch. A failed look-up answers "not gone" (the client then starts a fresh
 * session, as before).
 */
public final class SilentNodes implements SessionOwners {
  private static final System.Logger LOG = System.getLogger(SilentNodes.class.getName());
  private static final Duration DEFAULT_POLL = Duration.ofMillis(250);

  /** Where the next look happens: after {@code delay}, on some thread. */
  @FunctionalInterface
  public interface Delays {
    Executor after(Duration delay);

    /** The JDK's shared delayer, handing over to the common pool. */
    Delays SYSTEM =
        delay -> CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private final ClusterMembership membership;
  private final Clock clock;
  private final Duration silence;
  private final Duration poll;
  private final Delays delays;
  private final int maxLooks;

  /** One watch per silent owner, shared by all its clients reconnecting at once. */
  private final ConcurrentMap<NodeId, CompletableFuture<Boolean>> watches =
      new ConcurrentHashMap<>();

  public SilentNodes(ClusterMembership membership, Clock clock, Duration silence) {
    this(membership, clock, silence, DEFAULT_POLL, Delays.SYSTEM);
  }

  public SilentNodes(
      ClusterMembership membership, Clock clock, Duration silence, Duration poll, Delays delays) {
    this.membership = Objects.requireNonNull(membership, "membership");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.silence = Objects.requireNonNull(silence, "silence");
    this.poll = Objects.requireNonNull(poll, "poll");
    this.delays = Objects.requireNonNull(delays, "delays");
    if (silence.isNegative() || silence.isZero()) {
      throw new IllegalArgumentException("silence > 0");
    }
    if (poll.isNegative() || poll.isZero() || poll.compareTo(silence) > 0) {
      throw new IllegalArgumentException("0 < poll <= silence");
    }
    // Enough looks to see the whole silence through, and a bound should the clock stand still.
    this.maxLooks = (int) (silence.toMillis() / poll.toMillis()) + 2;
  }

  @Override
  public CompletionStage<Boolean> gone(NodeId owner) {
    Objects.requireNonNull(owner, "owner");
    return membership
        .lastHeartbeat(owner)
        .thenCompose(
            beat ->
                beat.isEmpty() || silent(beat.get())
                    ? CompletableFuture.completedFuture(true)
                    : sharedWatch(owner, beat.get()))
        .exceptionally(
            failure -> {
              LOG.log(
                  System.Logger.Level.WARNING, "could not read the heartbeat of " + owner, failure);
              return false;
            });
  }

  private CompletionStage<Boolean> sharedWatch(NodeId owner, Instant seen) {
    CompletableFuture<Boolean> mine = new CompletableFuture<>();
    CompletableFuture<Boolean> running = watches.putIfAbsent(owner, mine);
    if (running != null) {
      return running;
    }
    watch(owner, seen, 1)
        .whenComplete(
            (gone, failure) -> {
              watches.remove(owner, mine);
              if (failure != null) {
                mine.completeExceptionally(failure);
              } else {
                mine.complete(gone);
              }
            });
    return mine;
  }

  /** Looks again until {@code owner} beats after {@code seen} or has been silent long enough. */
  private CompletionStage<Boolean> watch(NodeId owner, Instant seen, int looks) {
    return CompletableFuture.runAsync(() -> {}, delays.after(poll))
        .thenCompose(v -> membership.lastHeartbeat(owner))
        .thenCompose(beat -> verdict(owner, seen, beat, looks));
  }

  private CompletionStage<Boolean> verdict(
      NodeId owner, Instant seen, Optional<Instant> beat, int looks) {
    if (beat.isEmpty()) {
      return CompletableFuture.completedFuture(true); // left, or cleaned up meanwhile
    }
    if (beat.get().isAfter(seen)) {
      return CompletableFuture.completedFuture(false); // beat again: alive
    }
    if (silent(beat.get())) {
      return CompletableFuture.completedFuture(true);
    }
    return looks >= maxLooks
        ? CompletableFuture.completedFuture(false)
        : watch(owner, seen, looks + 1);
  }

  private boolean silent(Instant lastBeat) {
    return lastBeat.plus(silence).isBefore(clock.now());
  }
}
