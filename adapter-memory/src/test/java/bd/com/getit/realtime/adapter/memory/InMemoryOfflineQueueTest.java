package bd.com.getit.realtime.adapter.memory;

import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.OfflineQueue;
import bd.com.getit.realtime.testkit.contract.OfflineQueueContract;

class InMemoryOfflineQueueTest extends OfflineQueueContract {
  @Override
  protected OfflineQueue newQueue(Clock clock, int capacity) {
    return new InMemoryOfflineQueue(clock, capacity);
  }
}
