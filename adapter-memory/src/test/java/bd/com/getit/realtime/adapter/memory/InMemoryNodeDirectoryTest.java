package bd.com.getit.realtime.adapter.memory;

import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.NodeDirectory;
import bd.com.getit.realtime.testkit.contract.NodeDirectoryContract;

class InMemoryNodeDirectoryTest extends NodeDirectoryContract {
  @Override
  protected NodeDirectory newDirectory(Clock clock) {
    return new InMemoryNodeDirectory(clock);
  }
}
