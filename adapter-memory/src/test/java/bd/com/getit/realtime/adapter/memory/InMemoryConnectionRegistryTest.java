package bd.com.getit.realtime.adapter.memory;

import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.testkit.contract.ConnectionRegistryContract;

class InMemoryConnectionRegistryTest extends ConnectionRegistryContract {
  @Override
  protected ConnectionRegistry newRegistry() {
    return new InMemoryConnectionRegistry();
  }
}
