package bd.com.getit.realtime.adapter.kafka;

import bd.com.getit.realtime.port.in.EventIngestUseCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds other services' events from Kafka into {@link EventIngestUseCase}, at least once.
 *
 * <p>One consumer thread of its own ({@code realtime-kafka-consumer}) polls at most {@code
 * maxInFlight} records, hands each partition's records to the core one after another (so their
 * order is kept), waits until the batch is handled, and only then commits the batch's offsets. A
 * malformed record is dead-lettered and counts as handled; a transient failure stops its partition
 * at that record, which is fetched again after a growing pause, the partitions behind it
 * unaffected. A rebalance commits what was handled before the partitions go; {@link #close()}
 * commits and leaves the group. Handling runs on one more thread of its own ({@code
 * realtime-kafka-handler}), never on a store's or the network's. {@link #lag()} is safe from any
 * thread.
 */
public final class KafkaEventConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaEventConsumer.class);

  private final KafkaIngestOptions options;
  private final Consumer<byte[], byte[]> consumer;
  private final DeadLetters deadLetters;
  private final RecordHandler handler;
  private final ThreadPoolExecutor handlerThread;
  private final Thread thread;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
  private volatile boolean running = true;
  private volatile boolean subscribed;

  // Owned by the consumer thread only.
  private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
  private final Map<TopicPartition, Integer> attempts = new HashMap<>();
  private final Map<TopicPartition, Long> pausedUntil = new HashMap<>();

  private KafkaEventConsumer(
      KafkaIngestOptions options,
      EventIngestUseCase ingest,
      Consumer<byte[], byte[]> consumer,
      DeadLetters deadLetters) {
    this.options = options;
    this.consumer = consumer;
    this.deadLetters = deadLetters;
    this.handler =
        new RecordHandler(ingest, new EnvelopeReader(options.maxRecordBytes()), deadLetters);
    // One partition chain step at a time needs a slot: the batch bounds them.
    this.handlerThread =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(options.maxInFlight() + 1),
            r -> daemon(r, "realtime-kafka-handler"));
    this.thread = daemon(this::run, "realtime-kafka-consumer");
  }

  /** Connects to the brokers with {@code options} and starts consuming into {@code ingest}. */
  public static KafkaEventConsumer start(KafkaIngestOptions options, EventIngestUseCase ingest) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(ingest, "ingest");
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            consumerProperties(options), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    KafkaProducer<byte[], byte[]> producer;
    try {
      producer =
          new KafkaProducer<>(
              producerProperties(options), new ByteArraySerializer(), new ByteArraySerializer());
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
    KafkaEventConsumer c =
        new KafkaEventConsumer(
            options, ingest, consumer, new DeadLetters(producer, options.deadLetterTopic()));
    c.thread.start();
    return c;
  }

  static Properties consumerProperties(KafkaIngestOptions options) {
    Properties p = new Properties();
    p.putAll(options.clientProperties());
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, options.groupId());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(options.maxInFlight()));
    p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "realtime-consumer");
    // A batch may wait for the core up to handleTimeout between two polls.
    long interval = Math.max(300_000L, options.handleTimeout().toMillis() * 3);
    p.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Long.toString(interval));
    return p;
  }

  static Properties producerProperties(KafkaIngestOptions options) {
    Properties p = new Properties();
    options
        .clientProperties()
        .forEach(
            (k, v) -> {
              if (!k.startsWith("group.") && !k.startsWith("auto.") && !k.startsWith("max.poll")) {
                p.put(k, v);
              }
            });
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "realtime-dead-letters");
    // Sends run on the handler thread: never wait there long for metadata or buffer space.
    p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    return p;
  }

  /** Whether the consumer thread runs; false once closed or after a fatal client error. */
  public boolean isRunning() {
    return running;
  }

  /**
   * The Kafka consumer, for reading its client metrics ({@code metrics()}) only: it belongs to the
   * polling thread, and any other call from another thread fails or breaks its position.
   */
  public Consumer<?, ?> clientForMetrics() {
    return consumer;
  }

  /**
   * The records not yet fetched, summed over this node's partitions (end offset less position, as
   * last reported by the brokers); 0 before the first assignment.
   */
  public long lag() {
    return lag.values().stream().mapToLong(Long::longValue).sum();
  }

  /** {@link #lag()} per partition, keyed {@code topic-partition}. */
  public Map<String, Long> lagByPartition() {
    Map<String, Long> byPartition = new TreeMap<>();
    lag.forEach((tp, n) -> byPartition.put(tp.toString(), n));
    return byPartition;
  }

  /**
   * Stops: the batch in hand is finished (within {@code handleTimeout}), what was handled is
   * committed, and the consumer leaves its group so that its partitions move at once. Idempotent.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    consumer.wakeup();
    try {
      thread.join(options.handleTimeout().plusSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("the Kafka consumer did not stop in time");
    }
  }

  private void run() {
    try {
      consumer.subscribe(options.topics(), new Rebalance());
      subscribed = true;
      while (!closing.get()) {
        resumeDue();
        ConsumerRecords<byte[], byte[]> records;
        try {
          records = consumer.poll(pollTimeout());
        } catch (WakeupException e) {
          continue; // close() asked us to stop: the loop condition says so
        }
        updateLag();
        if (!records.isEmpty()) {
          handle(records);
        }
        commit();
      }
    } catch (RuntimeException | Error e) {
      LOG.error("the Kafka consumer stopped on a client error", e);
    } finally {
      shutdown();
    }
  }

  /** Hands each partition's records to the core in order, partitions side by side, and waits. */
  private void handle(ConsumerRecords<byte[], byte[]> records) {
    Map<TopicPartition, PartitionRun> runs = new HashMap<>();
    for (TopicPartition tp : records.partitions()) {
      PartitionRun run = new PartitionRun(records.records(tp));
      runs.put(tp, run);
      run.start();
    }
    CompletableFuture<?>[] all =
        runs.values().stream().map(r -> r.finished).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(all).get(options.handleTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("events not handled within {}; their rest is retried", options.handleTimeout());
    } catch (ExecutionException e) {
      // Never: each run completes normally and reports its own failure.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    runs.forEach(this::settle);
  }

  /** Records what a partition's run reached; a run that stopped early is retried from there. */
  private void settle(TopicPartition tp, PartitionRun run) {
    run.cancelled = true; // a run still going after the timeout handles no further record
    long next = run.next;
    if (next >= 0) {
      uncommitted.put(tp, new OffsetAndMetadata(next));
    }
    if (run.finished.isDone() && !run.failed) {
      attempts.remove(tp);
      return;
    }
    long retryFrom = next >= 0 ? next : run.records.get(0).offset();
    int attempt = attempts.merge(tp, 1, Integer::sum);
    long pause =
        Math.min(
            options.maxRetryBackoff().toMillis(),
            options.retryBackoff().toMillis() << Math.min(attempt - 1, 20));
    consumer.seek(tp, retryFrom);
    consumer.pause(List.of(tp));
    pausedUntil.put(tp, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause));
  }

  private void resumeDue() {
    if (pausedUntil.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    List<TopicPartition> due = new ArrayList<>();
    pausedUntil.forEach(
        (tp, until) -> {
          if (now - until >= 0) {
            due.add(tp);
          }
        });
    if (!due.isEmpty()) {
      due.forEach(pausedUntil::remove);
      List<TopicPartition> owned = new ArrayList<>(due);
      owned.retainAll(consumer.assignment());
      consumer.resume(owned);
    }
  }

  /** At most the poll timeout, less when a paused partition is due sooner. */
  private Duration pollTimeout() {
    long max = options.pollTimeout().toNanos();
    long now = System.nanoTime();
    for (long until : pausedUntil.values()) {
      max = Math.min(max, Math.max(0, until - now));
    }
    return Duration.ofNanos(max);
  }

  private void updateLag() {
    for (TopicPartition tp : consumer.assignment()) {
      consumer.currentLag(tp).ifPresent(n -> lag.put(tp, n));
    }
  }

  private void commit() {
    commit(uncommitted);
  }

  private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(offsets);
      offsets.clear();
    } catch (CommitFailedException e) {
      // The partitions moved to another member, which reads them from the last commit.
      LOG.warn("offsets not committed, the group rebalanced: {}", e.getMessage());
      offsets.clear();
    } catch (WakeupException e) {
      commit(offsets); // close() woke us: commit anyway, it is what closing asks for
    } catch (KafkaException e) {
      LOG.warn("offsets not committed, will try again: {}", e.toString());
    }
  }

  private void shutdown() {
    try {
      if (subscribed) {
        commit();
      }
    } catch (RuntimeException e) {
      LOG.warn("final commit failed", e);
    }
    try {
      consumer.close(
          CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
              .withTimeout(Duration.ofSeconds(10)));
    } catch (RuntimeException e) {
      LOG.warn("closing the Kafka consumer failed", e);
    }
    handlerThread.shutdownNow();
    deadLetters.close();
    lag.clear();
    running = false;
  }

  /** Keeps the offsets handled so far when partitions go to another member. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
      for (TopicPartition tp : partitions) {
        OffsetAndMetadata offset = uncommitted.remove(tp);
        if (offset != null) {
          handled.put(tp, offset);
        }
      }
      commit(handled);
      forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      partitions.forEach(uncommitted::remove); // not ours to commit any more
      forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      LOG.info("Kafka partitions assigned: {}", partitions);
    }

    private void forget(Collection<TopicPartition> partitions) {
      for (TopicPartition tp : partitions) {
        attempts.remove(tp);
        pausedUntil.remove(tp);
        lag.remove(tp);
      }
    }
  }

  /** One partition's records of a batch, handled one after another on the handler thread. */
  private final class PartitionRun {
    final List<ConsumerRecord<byte[], byte[]>> records;
    final CompletableFuture<Void> finished = new CompletableFuture<>();
    volatile long next = -1;
    volatile boolean failed;
    volatile boolean cancelled;

    PartitionRun(List<ConsumerRecord<byte[], byte[]>> records) {
      this.records = records;
    }

    void start() {
      step(0);
    }

    private void step(int i) {
      if (i == records.size() || cancelled) {
        finished.complete(null);
        return;
      }
      ConsumerRecord<byte[], byte[]> record = records.get(i);
      CompletableFuture<CompletionStage<Void>> submitted;
      try {
        submitted = CompletableFuture.supplyAsync(() -> handler.handle(record), handlerThread);
      } catch (RejectedExecutionException e) {
        failed = true; // shutting down: the record is fetched again by whoever reads next
        finished.complete(null);
        return;
      }
      submitted
          .thenCompose(stage -> stage)
          .whenComplete(
              (v, failure) -> {
                if (failure != null) {
                  failed = true;
                  finished.complete(null);
                } else {
                  next = record.offset() + 1;
                  step(i + 1);
                }
              });
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
