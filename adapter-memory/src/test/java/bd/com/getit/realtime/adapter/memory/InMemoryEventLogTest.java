package bd.com.getit.realtime.adapter.memory;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.testkit.TestEvents;
import bd.com.getit.realtime.testkit.contract.EventLogContract;
import org.junit.jupiter.api.Test;

class InMemoryEventLogTest extends EventLogContract {

  @Override
  protected EventLog newLog() {
    return new InMemoryEventLog();
  }

  @Test
  void theOldestEventIsForgottenPastTheBound() {
    InMemoryEventLog log = new InMemoryEventLog(2);
    join(log.record(TestEvents.withId("e1")));
    join(log.record(TestEvents.withId("e2")));
    join(log.record(TestEvents.withId("e1")));
    join(log.record(TestEvents.withId("e3")));

    assertThat(join(log.find(EventId.of("e1")))).isEmpty();
    assertThat(join(log.find(EventId.of("e2")))).isPresent();
    assertThat(join(log.find(EventId.of("e3")))).isPresent();
  }
}
