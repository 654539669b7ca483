package bd.com.getit.realtime.core.assembly;

import bd.com.getit.realtime.core.cluster.MembershipService;
import bd.com.getit.realtime.core.connection.ConnectionService;
import bd.com.getit.realtime.core.presence.PresenceService;
import bd.com.getit.realtime.domain.NodeId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The core's periodic chores, on one daemon thread of its own between {@link #start()} and {@link
 * #close()}: idle devices shown as away (every {@link #PRESENCE_SWEEP_EVERY}), the recovery
 * sessions of live connections saved again (every third of the recovery window, so that they
 * outlive a crash of this node), unregisters that failed while Redis was away tried again (every
 * {@link #REGISTRY_REPAIR_EVERY}), and, in a cluster, this node's heartbeat with the cleanup after
 * dead nodes (every {@link ClusterPorts#heartbeatEvery()}; a heartbeat that finds the cluster
 * forgot this node registers its connections again). A chore that fails is logged and runs again at
 * its next time. The thread is named {@code realtime-maintenance-<node id>}. Thread-safe.
 */
public final class CoreMaintenance implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(CoreMaintenance.class.getName());

  /** How often devices idle past {@link CoreConfig#presenceIdleAfter()} are marked away. */
  public static final Duration PRESENCE_SWEEP_EVERY = Duration.ofSeconds(30);

  /** How often unregisters that failed while Redis was away are tried again. */
  public static final Duration REGISTRY_REPAIR_EVERY = Duration.ofSeconds(5);

  /** How long {@link #close()} waits for a running chore, and then for leaving the cluster. */
  static final Duration STOP_WAIT = Duration.ofSeconds(2);

  /** How long {@link #close()} waits for the disconnects of the last sockets to finish. */
  static final Duration DISCONNECT_WAIT = Duration.ofSeconds(5);

  private final PresenceService presence;
  private final ConnectionService connections;
  private final Optional<MembershipService> membership;
  private final Duration recoveryRenewal;
  private final Duration heartbeatEvery;
  private final String threadName;
  private ScheduledExecutorService scheduler; // guarded by this; null when not running
  private Thread thread; // guarded by this: the scheduler's one thread, once it ran

  CoreMaintenance(
      NodeId node,
      PresenceService presence,
      ConnectionService connections,
      Optional<MembershipService> membership,
      Duration recoveryWindow,
      Duration heartbeatEvery) {
    this.threadName = "realtime-maintenance-" + node.value();
    this.presence = Objects.requireNonNull(presence, "presence");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.membership = Objects.requireNonNull(membership, "membership");
    // Three saves per window: a session missed by one save (a slow store) survives until the next.
    this.recoveryRenewal = Duration.ofMillis(Math.max(100, recoveryWindow.toMillis() / 3));
    this.heartbeatEvery = Objects.requireNonNull(heartbeatEvery, "heartbeatEvery");
  }

  /** Schedules the chores; the cluster heartbeat runs at once. Starting twice is harmless. */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    ScheduledThreadPoolExecutor timers =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread created = new Thread(task, threadName);
              created.setDaemon(true);
              synchronized (this) {
                thread = created;
              }
              return created;
            });
    timers.setRemoveOnCancelPolicy(true);
    every(
        timers, PRESENCE_SWEEP_EVERY, PRESENCE_SWEEP_EVERY, "presence sweep", presence::sweepIdle);
    every(
        timers,
        recoveryRenewal,
        recoveryRenewal,
        "recovery renewal",
        connections::refreshRecoverySessions);
    every(
        timers,
        REGISTRY_REPAIR_EVERY,
        REGISTRY_REPAIR_EVERY,
        "registry repair",
        connections::repairRegistry);
    membership.ifPresent(
        m -> every(timers, Duration.ZERO, heartbeatEvery, "cluster heartbeat", m::tick));
    scheduler = timers;
  }

  /** Whether the chores are scheduled. */
  public synchronized boolean running() {
    return scheduler != null;
  }

  /**
   * Stops the chores (waiting a little for one that runs), waits for disconnects still at work,
   * and, in a cluster, leaves it, so the other nodes stop counting on this one at once: a graceful
   * stop. A no-op when not running.
   */
  @Override
  public void close() {
    if (!stopChores()) {
      return;
    }
    awaitDisconnects();
    membership.ifPresent(m -> await(m.leave(), "leaving the cluster"));
  }

  /**
   * Waits (at most {@link #DISCONNECT_WAIT}) for the disconnects of the sockets the host just
   * closed to finish their cluster work, so that the stores the host closes next do not cut off
   * their unregistering, presence updates and recovery sessions.
   */
  private void awaitDisconnects() {
    long deadline = System.nanoTime() + DISCONNECT_WAIT.toNanos();
    while (connections.disconnectsInFlight() > 0 && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    int left = connections.disconnectsInFlight();
    if (left > 0) {
      LOG.log(
          System.Logger.Level.WARNING,
          "stopping with {0} disconnects unfinished: the other nodes clean up after this one",
          left);
    }
  }

  /**
   * Stops the chores without leaving the cluster, as a crash would: the other nodes clean up after
   * this one once its heartbeat lapses. For tests of node failure and hosts going down hard.
   */
  public void abandon() {
    stopChores();
  }

  private boolean stopChores() {
    ScheduledExecutorService timers;
    Thread worker;
    synchronized (this) {
      timers = scheduler;
      worker = thread;
      scheduler = null;
      thread = null;
    }
    if (timers == null) {
      return false;
    }
    timers.shutdownNow();
    try {
      if (!timers.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "a maintenance chore did not end within " + STOP_WAIT);
      } else if (worker != null) {
        worker.join(STOP_WAIT.toMillis()); // so that no thread of this core outlives close()
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  private static void every(
      ScheduledExecutorService timers,
      Duration first,
      Duration period,
      String name,
      Supplier<? extends CompletionStage<?>> chore) {
    timers.scheduleAtFixedRate(
        () -> {
          // A scheduled task that throws is never run again: keep every chore going.
          try {
            chore
                .get()
                .whenComplete(
                    (result, failure) -> {
                      if (failure != null) {
                        LOG.log(System.Logger.Level.WARNING, name + " failed", failure);
                      }
                    });
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, name + " failed", e);
          }
        },
        first.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private static void await(CompletionStage<?> stage, String what) {
    try {
      stage.toCompletableFuture().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(System.Logger.Level.WARNING, what + " failed: " + e);
    }
  }
}
