package bd.com.getit.realtime.adapter.memory;

import bd.com.getit.realtime.port.out.ClusterBus;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.ClusterBusContract;
import java.time.Duration;

class InMemoryClusterBusTest extends ClusterBusContract {
  @Override
  protected ClusterBus newBus(int retainedRecords) {
    return new InMemoryClusterBus(new MutableClock(), retainedRecords, Duration.ofHours(1));
  }
}
