package bd.com.getit.realtime.domain;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.chat.ParticipantRole;
import org.junit.jupiter.api.Test;

class ParticipantRoleTest {

  @Test
  void theSupportDeskRoleIsSupportAgentOnTheWireAndTheOldNameStillReads() {
    assertThat(ParticipantRole.SUPPORT_AGENT.wireName()).isEqualTo("support_agent");
    assertThat(ParticipantRole.fromWire("support_agent")).contains(ParticipantRole.SUPPORT_AGENT);
    assertThat(ParticipantRole.fromWire("Support_Agent")).contains(ParticipantRole.SUPPORT_AGENT);
    assertThat(ParticipantRole.fromWire("agent")).contains(ParticipantRole.SUPPORT_AGENT);
  }

  @Test
  void everyRoleReadsBackFromItsWireNameAndNothingElseIsARole() {
    for (ParticipantRole role : ParticipantRole.values()) {
      assertThat(ParticipantRole.fromWire(role.wireName())).contains(role);
    }
    assertThat(ParticipantRole.fromWire("boss")).isEmpty();
    assertThat(ParticipantRole.fromWire("")).isEmpty();
    assertThat(ParticipantRole.fromWire(null)).isEmpty();
  }
}
