package bd.com.getit.realtime.adapter.memory;

import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.testkit.contract.EventLogContract;

class InMemoryEventLogTest extends EventLogContract {
  @Override
  protected EventLog newLog() {
    return new InMemoryEventLog();
  }
}
