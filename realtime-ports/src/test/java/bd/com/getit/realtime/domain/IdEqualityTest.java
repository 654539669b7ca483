package bd.com.getit.realtime.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ids' written-out equals and hashCode keep the record's value semantics. */
class IdEqualityTest {

  @Test
  void idsAreEqualByValueAndOnlyToTheirOwnType() {
    assertThat(RoomId.of("r1"))
        .isEqualTo(RoomId.of(new String("r1")))
        .isNotEqualTo(RoomId.of("r2"));
    assertThat(RoomId.of("r1").hashCode()).isEqualTo(RoomId.of("r1").hashCode());
    assertThat(UserId.of("u1")).isEqualTo(UserId.of("u1")).isNotEqualTo(UserId.of("u2"));
    assertThat(ConnectionId.of("c1")).isEqualTo(ConnectionId.of("c1")).isNotEqualTo(null);
    assertThat(MessageId.of("m1")).isEqualTo(MessageId.of("m1")).isNotEqualTo(EventId.of("m1"));
    assertThat(EventId.of("e1")).isEqualTo(EventId.of("e1")).isNotEqualTo(EventId.of("e2"));
    assertThat(NodeId.of("n1")).isEqualTo(NodeId.of("n1")).isNotEqualTo(NodeId.of("n2"));
    assertThat((Object) UserId.of("x")).isNotEqualTo(RoomId.of("x"));
  }

  @Test
  void channelNamesAreEqualByTypeAndId() {
    ChannelName chat = ChannelName.parse("chat:r1");
    assertThat(chat).isEqualTo(ChannelName.chat(RoomId.of("r1")));
    assertThat(chat.hashCode()).isEqualTo(ChannelName.chat(RoomId.of("r1")).hashCode());
    assertThat(chat).isNotEqualTo(ChannelName.parse("chat:r2"));
    assertThat(ChannelName.parse("user:r1")).isNotEqualTo(chat);
    Set<ChannelName> set = new HashSet<>(Set.of(chat, ChannelName.user(UserId.of("r1"))));
    assertThat(set).contains(ChannelName.parse("user:r1")).hasSize(2);
  }
}
