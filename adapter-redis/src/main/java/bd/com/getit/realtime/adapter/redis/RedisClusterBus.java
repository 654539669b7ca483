package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.cluster.BusRecord;
import bd.com.getit.realtime.domain.cluster.ClusterMessage;
import bd.com.getit.realtime.port.out.ClusterBus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The cluster bus on one Redis Stream, {@code BUS}: each publication is an entry added with {@code
 * XADD MAXLEN ~} whose {@code type} field says what it carries ({@code {origin, type: "event",
 * event}} or {@code {origin, type: "disconnect", connection}}, see {@link BusEntries}), and its
 * entry id is its offset. Unlike Pub/Sub, nothing published while a node is disconnected is lost:
 * one reader thread per node reads with {@code XREAD BLOCK} from the last id it has seen and, after
 * a lost connection, resumes from there.
 *
 * <p>The reader delivers, in id order, to every open subscription the entries of other origins
 * newer than the newest id this node knew when it subscribed (its own publications and what its
 * reader had read). A listener that throws is logged and skipped; an entry that cannot be decoded
 * (an unknown type among them) is logged and skipped, never delivered as something else. {@link
 * #since} answers while the stream still holds the entry at the offset and at most {@code
 * retainedRecords} entries after it, so recovery never silently misses a trimmed entry. {@link
 * #close()} stops the reader within the block time; publishing afterwards fails.
 *
 * <p>While Redis is unreachable, publications are kept in a bounded outbox (in order, on the one
 * publishing lane) and added to the stream once Redis answers again, so the other nodes still get
 * them, in order; the publisher meanwhile gets a local offset at once, and its own node delivers as
 * usual. Past {@code outboxCapacity} further publications are counted as dropped for the cluster
 * (their local delivery still happens) and logged once per outage.
 */
final class RedisClusterBus implements ClusterBus, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisClusterBus.class);
  private static final int READ_BATCH = 500;

  /** Entries the reader keeps decoded for recoveries (a few MB of heap). */
  static final int RECENT_RECORDS = 10_000;

  private static final long MAX_BACKOFF_MS = 2_000;
  private static final int PENDING_PUBLICATIONS = 50_000;

  /** Publications kept for the cluster while Redis is unreachable, by default. */
  static final int DEFAULT_OUTBOX_CAPACITY = 10_000;

  private static final long RETRY_MILLIS = 250;

  private final Redis redis;
  private final String key;
  private final int retainedRecords;
  private final RecentBusRecords recent = new RecentBusRecords(RECENT_RECORDS);
  private final int blockMillis;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  /** The newest id this node knows of: its reader's cursor or its own newest publication. */
  private final AtomicReference<StreamEntryID> known = new AtomicReference<>();

  /** Where the reader continues; written by the reader thread only (and the constructor). */
  private volatile StreamEntryID cursor;

  private volatile long lagMillis;

  private final Thread reader;

  /** The one thread that adds entries, in publication order; its queue is bounded. */
  private final ThreadPoolExecutor publisher =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(PENDING_PUBLICATIONS),
          r -> {
            Thread t = new Thread(r, "realtime-redis-publish");
            t.setDaemon(true);
            return t;
          });

  private final AtomicLong localOffsets = new AtomicLong();
  private volatile boolean closed;

  /** Fields waiting for Redis, oldest first; touched on the publishing lane only. */
  private final ArrayDeque<Map<String, String>> outbox = new ArrayDeque<>();

  private final int outboxCapacity;
  private final AtomicInteger buffered = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();

  /** Retries the outbox while it holds anything, so it empties without new publications. */
  private final ScheduledExecutorService retry =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "realtime-redis-outbox");
            t.setDaemon(true);
            return t;
          });

  private boolean outageLogged;

  /**
   * Starts the reader from the stream's newest entry (read here, once, so that nothing published
   * after construction is missed; if Redis is unreachable the reader starts from the newest entry
   * once it is back).
   */
  RedisClusterBus(Redis redis, int retainedRecords, int blockMillis) {
    this(redis, retainedRecords, blockMillis, DEFAULT_OUTBOX_CAPACITY);
  }

  RedisClusterBus(Redis redis, int retainedRecords, int blockMillis, int outboxCapacity) {
    this.redis = Objects.requireNonNull(redis, "redis");
    if (retainedRecords < 1 || blockMillis < 1 || outboxCapacity < 1) {
      throw new IllegalArgumentException("retainedRecords, blockMillis and outboxCapacity >= 1");
    }
    this.outboxCapacity = outboxCapacity;
    retry.scheduleWithFixedDelay(
        () -> {
          if (buffered.get() > 0 && !closed) {
            try {
              publisher.execute(this::flushOutbox);
            } catch (RejectedExecutionException e) {
              // The lane is full or closed: the next round tries again.
            }
          }
        },
        RETRY_MILLIS,
        RETRY_MILLIS,
        TimeUnit.MILLISECONDS);
    this.key = redis.key("BUS");
    this.retainedRecords = retainedRecords;
    this.blockMillis = blockMillis;
    try {
      cursor = newestId();
      known.set(cursor);
    } catch (RuntimeException e) {
      LOG.warn(
          "cluster bus: Redis unreachable at start, the reader will retry: {}", Redis.reason(e));
    }
    this.reader = new Thread(this::readLoop, "realtime-redis-bus");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public CompletionStage<StreamOffset> publish(NodeId origin, ClusterMessage message) {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(message, "message");
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("the bus is closed"));
    }
    Map<String, String> fields = BusEntries.fields(origin, message);
    CompletableFuture<Optional<StreamEntryID>> added;
    try {
      // One lane: entries get their ids in the order they were published, so a channel's events
      // reach other nodes in the order its origin delivered them locally (PROTOCOL section 6).
      added = CompletableFuture.supplyAsync(() -> addOrKeep(fields), publisher);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("too many publications waiting for Redis, or closed", e));
    }
    return added.thenApply(
        id ->
            id.map(
                    entry -> {
                      advanceKnown(entry);
                      return new StreamOffset(entry.toString());
                    })
                .orElseGet(() -> new StreamOffset("local-" + localOffsets.incrementAndGet())));
  }

  /**
   * On the lane: adds the entry to the stream, behind whatever the outbox still holds; while Redis
   * is unreachable the entry joins the outbox instead (empty result). Any other failure fails the
   * publication.
   */
  private Optional<StreamEntryID> addOrKeep(Map<String, String> fields) {
    if (!outbox.isEmpty() && !flushOutbox()) {
      keep(fields);
      return Optional.empty();
    }
    try {
      return Optional.of(xadd(fields));
    } catch (RuntimeException e) {
      if (!unreachable(e)) {
        throw e;
      }
      keep(fields);
      return Optional.empty();
    }
  }

  private StreamEntryID xadd(Map<String, String> fields) {
    return redis.callHere(
        c ->
            c.xadd(
                key,
                XAddParams.xAddParams().maxLen(retainedRecords).approximateTrimming(),
                fields));
  }

  private void keep(Map<String, String> fields) {
    if (!outageLogged) {
      outageLogged = true;
      LOG.warn(
          "cluster bus: Redis unreachable; keeping up to {} publications for the other nodes",
          outboxCapacity);
    }
    if (outbox.size() >= outboxCapacity) {
      if (dropped.getAndIncrement() == 0 || outbox.size() == outboxCapacity) {
        LOG.warn(
            "cluster bus: outbox full ({} publications): further ones reach this node only",
            outboxCapacity);
      }
      return;
    }
    outbox.addLast(fields);
    buffered.incrementAndGet();
  }

  /**
   * On the lane: adds the outbox's entries to the stream, oldest first, until it is empty (true) or
   * Redis fails again (false). An entry Redis refuses for another reason is logged and dropped, so
   * one bad entry cannot hold the others back.
   */
  private boolean flushOutbox() {
    int sent = 0;
    while (!outbox.isEmpty()) {
      try {
        advanceKnown(xadd(outbox.peekFirst()));
        sent++;
      } catch (RuntimeException e) {
        if (unreachable(e)) {
          return false;
        }
        LOG.error("cluster bus: Redis refused a kept publication; dropped", e);
        dropped.incrementAndGet();
      }
      outbox.removeFirst();
      buffered.decrementAndGet();
    }
    if (sent > 0 || outageLogged) {
      LOG.info("cluster bus: Redis is back; {} kept publications added to the stream", sent);
    }
    outageLogged = false;
    return true;
  }

  /** Publications waiting in the outbox for Redis to answer again. */
  int buffered() {
    return buffered.get();
  }

  /** Publications that reached only this node: the outbox was full (or Redis refused them). */
  long dropped() {
    return dropped.get();
  }

  private static boolean unreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof JedisConnectionException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Subscription subscribe(NodeId self, Consumer<BusRecord> listener) {
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(listener, "listener");
    if (closed) {
      throw new IllegalStateException("the bus is closed");
    }
    Listener l = new Listener(self, listener, known.get());
    listeners.add(l);
    return l;
  }

  @Override
  public CompletionStage<Optional<List<BusRecord>>> since(StreamOffset after) {
    Objects.requireNonNull(after, "after");
    Optional<StreamEntryID> from = parse(after);
    if (from.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    StreamEntryID start = from.get();
    Optional<RecentBusRecords.Slice> recent = this.recent.after(start);
    if (recent.isPresent()) {
      // What the reader has read is here already; only its lag behind the stream is read.
      RecentBusRecords.Slice slice = recent.get();
      return redis.call(
          c -> {
            List<StreamEntry> tail = c.xrange(key, "(" + slice.newest(), "+", retainedRecords + 1);
            if (slice.records().size() + tail.size() > retainedRecords) {
              return Optional.<List<BusRecord>>empty();
            }
            List<BusRecord> records = new ArrayList<>(slice.records().size() + tail.size());
            records.addAll(slice.records());
            for (StreamEntry e : tail) {
              decode(e).ifPresent(records::add);
            }
            return Optional.of(List.copyOf(records));
          });
    }
    return redis.call(
        c -> {
          List<StreamEntry> newest = c.xrevrange(key, "+", "-", 1);
          List<StreamEntry> oldest = c.xrange(key, "-", "+", 1);
          if (newest.isEmpty()
              || start.compareTo(newest.get(0).getID()) > 0
              || start.compareTo(oldest.get(0).getID()) < 0) {
            return Optional.<List<BusRecord>>empty();
          }
          List<StreamEntry> entries = c.xrange(key, "(" + start, "+", retainedRecords + 1);
          if (entries.size() > retainedRecords) {
            return Optional.<List<BusRecord>>empty();
          }
          List<BusRecord> records = new ArrayList<>();
          for (StreamEntry e : entries) {
            decode(e).ifPresent(records::add);
          }
          return Optional.of(List.copyOf(records));
        });
  }

  @Override
  public CompletionStage<Optional<StreamOffset>> latest() {
    return redis.call(
        c ->
            c.xrevrange(key, "+", "-", 1).stream()
                .findFirst()
                .map(e -> new StreamOffset(e.getID().toString())));
  }

  /** Stops the reader (within the block time) and delivery; closing again is harmless. */
  @Override
  public void close() {
    closed = true;
    listeners.clear();
    retry.shutdownNow();
    publisher.shutdown();
  }

  /** Whether the reader thread runs: for tests. */
  boolean readerAlive() {
    return reader.isAlive();
  }

  private StreamEntryID newestId() {
    List<StreamEntry> newest = redis.callHere(c -> c.xrevrange(key, "+", "-", 1));
    return newest.isEmpty() ? new StreamEntryID(0, 0) : newest.get(0).getID();
  }

  private void advanceKnown(StreamEntryID id) {
    known.accumulateAndGet(id, (a, b) -> a == null || b.compareTo(a) > 0 ? b : a);
  }

  private void readLoop() {
    long backoff = 50;
    boolean failing = false;
    while (!closed) {
      try {
        if (cursor == null) {
          cursor = newestId();
          advanceKnown(cursor);
        }
        StreamEntryID from = cursor;
        List<Map.Entry<String, List<StreamEntry>>> batch =
            redis.callHere(
                c ->
                    c.xread(
                        XReadParams.xReadParams().block(blockMillis).count(READ_BATCH),
                        Map.of(key, from)));
        if (failing) {
          LOG.info("cluster bus: reading again from {}", from);
          failing = false;
        }
        backoff = 50;
        if (batch == null) {
          lagMillis = 0; // the read blocked and nothing came: caught up
          continue;
        }
        for (Map.Entry<String, List<StreamEntry>> stream : batch) {
          for (StreamEntry entry : stream.getValue()) {
            // A stream id starts with the milliseconds of its XADD on Redis's clock.
            lagMillis = Math.max(0, System.currentTimeMillis() - entry.getID().getTime());
            deliver(entry);
            cursor = entry.getID();
            advanceKnown(cursor);
          }
        }
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        if (!failing) {
          LOG.warn("cluster bus: reading failed, retrying: {}", Redis.reason(e));
          failing = true;
        }
        pause(backoff);
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
    }
  }

  /**
   * How far behind the stream the reader is: the age, at its reading, of the last record read (from
   * the milliseconds in its id, so the clocks of Redis and this node must agree); zero once a read
   * found nothing new.
   */
  long lagMillis() {
    return lagMillis;
  }

  private void deliver(StreamEntry entry) {
    Optional<BusRecord> decoded = decode(entry);
    recent.add(entry.getID(), decoded.orElse(null));
    if (decoded.isEmpty()) {
      return;
    }
    BusRecord record = decoded.get();
    StreamEntryID id = entry.getID();
    for (Listener l : listeners) {
      if (!l.open
          || (l.startAfter != null && id.compareTo(l.startAfter) <= 0)
          || l.self.equals(record.origin())) {
        continue;
      }
      try {
        l.listener.accept(record);
      } catch (RuntimeException failure) {
        LOG.warn("bus listener of {} failed on {}", l.self, id, failure);
      }
    }
  }

  private static Optional<BusRecord> decode(StreamEntry e) {
    try {
      return Optional.of(BusEntries.record(new StreamOffset(e.getID().toString()), e.getFields()));
    } catch (RuntimeException bad) {
      LOG.warn("cluster bus: skipped undecodable entry {}: {}", e.getID(), bad.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<StreamEntryID> parse(StreamOffset offset) {
    String v = offset.value();
    int dash = v.indexOf('-');
    if (dash <= 0) {
      return Optional.empty();
    }
    try {
      long ms = Long.parseLong(v.substring(0, dash));
      long seq = Long.parseLong(v.substring(dash + 1));
      return ms < 0 || seq < 0 ? Optional.empty() : Optional.of(new StreamEntryID(ms, seq));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One subscription: a node's listener and the newest id it knew when it subscribed. */
  private final class Listener implements Subscription {
    final NodeId self;
    final Consumer<BusRecord> listener;
    final StreamEntryID startAfter;
    volatile boolean open = true;

    Listener(NodeId self, Consumer<BusRecord> listener, StreamEntryID startAfter) {
      this.self = self;
      this.listener = listener;
      this.startAfter = startAfter;
    }

    @Override
    public void close() {
      open = false;
      listeners.remove(this);
    }
  }
}
