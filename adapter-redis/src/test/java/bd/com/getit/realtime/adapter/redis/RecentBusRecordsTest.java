package bd.com.getit.realtime.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.cluster.BusRecord;
import bd.com.getit.realtime.domain.cluster.ClusterMessage;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;

class RecentBusRecordsTest {
  private final RecentBusRecords recent = new RecentBusRecords(4);

  private static StreamEntryID id(int n) {
    return new StreamEntryID(1_000 + n, 0);
  }

  private static BusRecord record(int n) {
    return new BusRecord(
        new StreamOffset(id(n).toString()),
        NodeId.of("a"),
        new ClusterMessage.DisconnectCommand(ConnectionId.of("c" + n)));
  }

  private void add(int n) {
    recent.add(id(n), record(n));
  }

  @Test
  void theRecordsAfterAHeldEntryComeInOrderWithTheNewestId() {
    add(1);
    add(2);
    add(3);

    RecentBusRecords.Slice slice = recent.after(id(1)).orElseThrow();
    assertThat(slice.records()).containsExactly(record(2), record(3));
    assertThat(slice.newest()).isEqualTo(id(3));
    assertThat(recent.after(id(3)).orElseThrow().records()).isEmpty();
  }

  @Test
  void anEntryNotHeldGivesNothingSoTheCallerReadsRedis() {
    add(1);
    add(3);

    assertThat(recent.after(id(2))).isEmpty();
    assertThat(recent.after(id(9))).isEmpty();
    assertThat(new RecentBusRecords(2).after(id(1))).isEmpty();
  }

  @Test
  void pastTheCapacityTheOldestGoFirst() {
    for (int n = 1; n <= 6; n++) {
      add(n);
    }

    assertThat(recent.size()).isEqualTo(4);
    assertThat(recent.after(id(2))).isEmpty();
    assertThat(recent.after(id(3)).orElseThrow().records())
        .containsExactly(record(4), record(5), record(6));
  }

  @Test
  void anUndecodableEntryKeepsItsPlaceButIsNotHandedOut() {
    add(1);
    recent.add(id(2), null);
    add(3);

    assertThat(recent.after(id(1)).orElseThrow().records()).containsExactly(record(3));
    assertThat(recent.after(id(2)).orElseThrow().records()).containsExactly(record(3));
  }

  @Test
  void anIdNotAfterTheNewestIsIgnored() {
    add(2);
    add(1);
    add(2);

    assertThat(recent.size()).isEqualTo(1);
  }

  @Test
  void theCapacityIsPositive() {
    assertThatThrownBy(() -> new RecentBusRecords(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
