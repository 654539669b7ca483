package bd.com.getit.realtime.adapter.memory;

import bd.com.getit.realtime.port.out.PresenceArchive;
import bd.com.getit.realtime.testkit.contract.PresenceArchiveContract;

class InMemoryPresenceArchiveTest extends PresenceArchiveContract {

  @Override
  protected PresenceArchive newArchive() {
    return new InMemoryPresenceArchive();
  }
}
