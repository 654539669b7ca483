package bd.com.getit.realtime.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.testkit.TestEvents;
import bd.com.getit.realtime.testkit.contract.EventLogContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's own adapter passes the event log's contract, and journals what it records. */
class JournalEventLogTest extends EventLogContract {
  @TempDir Path dir;
  private final List<JournalEventLog> opened = new ArrayList<>();

  @Override
  protected EventLog newLog() {
    return open(dir.resolve("journal-" + opened.size() + ".jsonl"));
  }

  private JournalEventLog open(Path file) {
    try {
      JournalEventLog log = JournalEventLog.open(file);
      opened.add(log);
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void closeLogs() throws IOException {
    for (JournalEventLog log : opened) {
      log.close();
    }
  }

  @Test
  void journalsEachRecordedEventOnceAndEachCountInOrder() throws IOException {
    Path file = dir.resolve("orders.jsonl");
    JournalEventLog log = open(file);
    Event shipped =
        TestEvents.event()
            .id("order-o77-shipped")
            .name("order_status_update")
            .persist(true)
            .data("order_id", "o77")
            .build();

    log.record(shipped).toCompletableFuture().join();
    log.record(shipped).toCompletableFuture().join();
    log.countDeliveries(EventId.of("order-o77-shipped"), 2, 1).toCompletableFuture().join();
    log.countDeliveries(EventId.of("unknown"), 5, 5).toCompletableFuture().join();
    log.close();

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith("{\"recorded\":{\"id\":\"order-o77-shipped\",\"event\":\"order_status_update\"")
        .contains("\"order_id\":\"o77\"");
    assertThat(lines.get(1))
        .isEqualTo("{\"counted\":\"order-o77-shipped\",\"delivered\":2,\"failed\":1}");
  }

  @Test
  void forgetsTheOldestEventPastTheBoundButJournalsEveryOne() throws IOException {
    Path file = dir.resolve("bounded.jsonl");
    JournalEventLog log = JournalEventLog.open(file, 2);
    opened.add(log);
    for (String id : List.of("e1", "e2", "e3")) {
      log.record(TestEvents.event().id(id).name("order_status_update").build())
          .toCompletableFuture()
          .join();
    }

    assertThat(log.find(EventId.of("e1")).toCompletableFuture().join()).isEmpty();
    assertThat(log.find(EventId.of("e3")).toCompletableFuture().join()).isPresent();
    log.close();
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(3);
    assertThatThrownBy(() -> JournalEventLog.open(file, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRecords");
  }

  @Test
  void appendsToAnExistingJournal() throws IOException {
    Path file = dir.resolve("orders.jsonl");
    Files.writeString(file, "{\"earlier\":true}\n", StandardCharsets.UTF_8);
    JournalEventLog log = open(file);

    log.record(TestEvents.event().id("e1").name("order_status_update").build())
        .toCompletableFuture()
        .join();
    log.close();

    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
        .hasSize(2)
        .first()
        .isEqualTo("{\"earlier\":true}");
  }

  @Test
  void aClosedLogRefusesWritesWithAClearError() throws IOException {
    JournalEventLog log = open(dir.resolve("closed.jsonl"));
    log.close();

    assertThat(
            log.record(TestEvents.event().id("late").name("order_status_update").build())
                .toCompletableFuture())
        .failsWithin(java.time.Duration.ofSeconds(1))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withMessageContaining("closed");
  }
}
