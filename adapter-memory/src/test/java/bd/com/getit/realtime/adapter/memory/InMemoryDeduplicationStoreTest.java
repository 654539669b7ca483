package bd.com.getit.realtime.adapter.memory;

import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.DeduplicationStore;
import bd.com.getit.realtime.testkit.contract.DeduplicationStoreContract;

class InMemoryDeduplicationStoreTest extends DeduplicationStoreContract {
  @Override
  protected DeduplicationStore newStore(Clock clock) {
    return new InMemoryDeduplicationStore(clock);
  }
}
