package bd.com.getit.realtime.adapter.memory;

import bd.com.getit.realtime.port.out.RateLimitStore;
import bd.com.getit.realtime.testkit.contract.RateLimitStoreContract;

class InMemoryRateLimitStoreTest extends RateLimitStoreContract {
  @Override
  protected RateLimitStore newStore() {
    return new InMemoryRateLimitStore();
  }
}
