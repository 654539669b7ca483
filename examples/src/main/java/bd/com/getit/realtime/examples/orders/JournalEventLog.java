package bd.com.getit.realtime.examples.orders;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.EventRecord;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.port.out.EventLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The order service's own {@link EventLog}: each persisted event, and each delivery count, is
 * appended to a journal file as one line of JSON, the audit trail the service keeps anyway; lookups
 * are answered from memory, for the latest {@value #DEFAULT_MAX_RECORDS} events (the oldest is
 * forgotten past that bound). The journal is for people and log shippers, not read back: a restart
 * starts with an empty log, as the in-memory adapter does.
 *
 * <p>As the port asks, the calls return at once: lines are written by one thread of the log's own,
 * in the order the calls were made, through a bounded queue ({@value #MAX_PENDING} lines); a call
 * that finds it full, or the log closed, completes exceptionally and the core logs it. Thread-safe.
 */
public final class JournalEventLog implements EventLog, AutoCloseable {
  static final int MAX_PENDING = 10_000;

  /** How many events {@link #open(Path)} keeps for lookups. */
  public static final int DEFAULT_MAX_RECORDS = 100_000;

  private final Map<EventId, EventRecord> records; // guarded by itself
  private final BufferedWriter journal; // written by the writer thread only
  private final ThreadPoolExecutor writer;

  private JournalEventLog(BufferedWriter journal, int maxRecords) {
    this.journal = journal;
    this.records =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<EventId, EventRecord> eldest) {
            return size() > maxRecords;
          }
        };
    this.writer =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(MAX_PENDING),
            task -> {
              Thread thread = new Thread(task, "order-journal");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Opens {@code file} for appending, creating it if needed. */
  public static JournalEventLog open(Path file) throws IOException {
    return open(file, DEFAULT_MAX_RECORDS);
  }

  /** As {@link #open(Path)}, keeping the latest {@code maxRecords} events for lookups. */
  public static JournalEventLog open(Path file, int maxRecords) throws IOException {
    Objects.requireNonNull(file, "file");
    if (maxRecords < 1) {
      throw new IllegalArgumentException("maxRecords must be at least 1: " + maxRecords);
    }
    return new JournalEventLog(
        Files.newBufferedWriter(
            file,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            StandardOpenOption.WRITE),
        maxRecords);
  }

  @Override
  public CompletionStage<Void> record(Event event) {
    synchronized (records) {
      if (records.putIfAbsent(event.id(), new EventRecord(event, 0, 0)) != null) {
        return CompletableFuture.completedFuture(null); // recorded once: the port's idempotency
      }
    }
    return append(JsonObject.builder().put("recorded", event.envelope()).build());
  }

  @Override
  public CompletionStage<Void> countDeliveries(EventId event, int delivered, int failed) {
    EventRecord counted;
    synchronized (records) { // so that concurrent counts of one event all add up
      counted =
          records.computeIfPresent(
              event,
              (id, r) ->
                  new EventRecord(r.event(), r.delivered() + delivered, r.failed() + failed));
    }
    if (counted == null) {
      return CompletableFuture.completedFuture(null);
    }
    return append(
        JsonObject.builder()
            .put("counted", event.value())
            .put("delivered", delivered)
            .put("failed", failed)
            .build());
  }

  @Override
  public CompletionStage<Optional<EventRecord>> find(EventId event) {
    synchronized (records) {
      return CompletableFuture.completedFuture(Optional.ofNullable(records.get(event)));
    }
  }

  private CompletionStage<Void> append(JsonObject line) {
    try {
      return CompletableFuture.runAsync(() -> write(line.toJson()), writer);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("the order journal is full or closed", e));
    }
  }

  private void write(String line) {
    try {
      journal.write(line);
      journal.newLine();
      if (writer.getQueue().isEmpty()) {
        journal.flush(); // once per burst, not once per line
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the lines already queued, then closes the file. */
  @Override
  public void close() throws IOException {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
        writer.shutdownNow();
      }
    } catch (InterruptedException e) {
      writer.shutdownNow();
      Thread.currentThread().interrupt();
    }
    journal.close();
  }
}
