package bd.com.getit.realtime.domain;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.chat.ParticipantRole;
import org.junit.jupiter.api.Test;

class ParticipantRoleTest {

  @Test
  void requestsNameOneOfTheFourRolesOfTheChatRoomsCollection() {
    assertThat(ParticipantRole.values())
        .extracting(ParticipantRole::wireName)
        .containsExactly("customer", "vendor", "support_agent", "admin");
    assertThat(ParticipantRole.fromWire("support_agent")).contains(ParticipantRole.SUPPORT_AGENT);
    assertThat(ParticipantRole.fromWire(" Support_Agent ")).contains(ParticipantRole.SUPPORT_AGENT);
    assertThat(ParticipantRole.fromWire("agent"))
        .as("the name earlier versions took")
        .contains(ParticipantRole.SUPPORT_AGENT);
    for (String refused : new String[] {"member", "owner", "boss", ""}) {
      assertThat(ParticipantRole.fromWire(refused)).as(refused).isEmpty();
    }
    assertThat(ParticipantRole.fromWire(null)).isEmpty();
  }

  @Test
  void namesEarlierVersionsStoredStillRead() {
    assertThat(ParticipantRole.fromStored("agent")).contains(ParticipantRole.SUPPORT_AGENT);
    assertThat(ParticipantRole.fromStored("OWNER")).contains(ParticipantRole.CUSTOMER);
    assertThat(ParticipantRole.fromStored("member")).contains(ParticipantRole.CUSTOMER);
    assertThat(ParticipantRole.fromStored("SUPPORT_AGENT")).contains(ParticipantRole.SUPPORT_AGENT);
    assertThat(ParticipantRole.fromStored("hologram")).isEmpty();
    assertThat(ParticipantRole.fromStored(null)).isEmpty();
  }
}
