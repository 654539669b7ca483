package bd.com.getit.realtime.adapter.memory;

import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.RecoveryStore;
import bd.com.getit.realtime.testkit.contract.RecoveryStoreContract;

class InMemoryRecoveryStoreTest extends RecoveryStoreContract {
  @Override
  protected RecoveryStore newStore(Clock clock) {
    return new InMemoryRecoveryStore(clock);
  }
}
