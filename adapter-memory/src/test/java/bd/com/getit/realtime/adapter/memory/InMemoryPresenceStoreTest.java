package bd.com.getit.realtime.adapter.memory;

import bd.com.getit.realtime.port.out.PresenceStore;
import bd.com.getit.realtime.testkit.contract.PresenceStoreContract;

class InMemoryPresenceStoreTest extends PresenceStoreContract {
  @Override
  protected PresenceStore newStore() {
    return new InMemoryPresenceStore();
  }
}
