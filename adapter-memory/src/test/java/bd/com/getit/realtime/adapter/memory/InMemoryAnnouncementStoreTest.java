package bd.com.getit.realtime.adapter.memory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.port.out.AnnouncementStore;
import bd.com.getit.realtime.testkit.contract.AnnouncementStoreContract;
import org.junit.jupiter.api.Test;

class InMemoryAnnouncementStoreTest extends AnnouncementStoreContract {

  @Override
  protected AnnouncementStore newStore(int max) {
    return new InMemoryAnnouncementStore(max);
  }

  @Test
  void aStoreKeepsAtLeastOne() {
    assertThatThrownBy(() -> new InMemoryAnnouncementStore(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
