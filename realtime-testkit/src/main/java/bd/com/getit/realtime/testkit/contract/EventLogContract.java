package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.EventRecord;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.testkit.Concurrently;
import bd.com.getit.realtime.testkit.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EventLog} must do. */
public abstract class EventLogContract {
  private EventLog log;

  /** A new, empty log. */
  protected abstract EventLog newLog();

  @BeforeEach
  void createLog() {
    log = newLog();
  }

  private static Event persisted(String id, String name) {
    return TestEvents.event().id(id).name(name).persist(true).data("order_id", "42").build();
  }

  @Test
  void findsARecordedEventWithZeroTotals() {
    Event e = persisted("e1", "order_update");
    join(log.record(e));

    assertThat(join(log.find(EventId.of("e1")))).contains(new EventRecord(e, 0, 0));
  }

  @Test
  void findsNothingForAnUnknownId() {
    assertThat(join(log.find(EventId.of("nope")))).isEmpty();
  }

  @Test
  void recordingTheSameIdAgainChangesNothing() {
    Event first = persisted("e1", "order_update");
    join(log.record(first));
    join(log.countDeliveries(EventId.of("e1"), 3, 1));

    join(log.record(persisted("e1", "something_else")));

    assertThat(join(log.find(EventId.of("e1")))).contains(new EventRecord(first, 3, 1));
  }

  @Test
  void countDeliveriesAddsToTheTotals() {
    Event e = persisted("e1", "order_update");
    join(log.record(e));

    join(log.countDeliveries(EventId.of("e1"), 5, 0));
    join(log.countDeliveries(EventId.of("e1"), 2, 3));

    assertThat(join(log.find(EventId.of("e1")))).contains(new EventRecord(e, 7, 3));
  }

  @Test
  void countDeliveriesOfAnUnknownIdIsIgnored() {
    join(log.countDeliveries(EventId.of("ghost"), 5, 1));

    assertThat(join(log.find(EventId.of("ghost")))).isEmpty();
  }

  @Test
  void concurrentRecordsOfOneIdKeepOneRecord() {
    Concurrently.run(8, () -> join(log.record(persisted("e1", "order_update"))));
    join(log.countDeliveries(EventId.of("e1"), 1, 0));

    assertThat(join(log.find(EventId.of("e1"))).orElseThrow().delivered()).isEqualTo(1);
  }

  @Test
  void concurrentCountsAddUpExactly() {
    Event e = persisted("e1", "order_update");
    join(log.record(e));

    Concurrently.run(
        8,
        () -> {
          for (int i = 0; i < 100; i++) {
            join(log.countDeliveries(EventId.of("e1"), 1, 2));
          }
        });

    assertThat(join(log.find(EventId.of("e1")))).contains(new EventRecord(e, 800, 1_600));
  }
}
