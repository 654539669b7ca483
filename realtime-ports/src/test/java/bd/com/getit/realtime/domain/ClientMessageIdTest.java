package bd.com.getit.realtime.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.chat.ClientMessageId;
import org.junit.jupiter.api.Test;

class ClientMessageIdTest {

  @Test
  void takesOneToSixtyFourSafeCharacters() {
    assertThat(ClientMessageId.of("a").value()).isEqualTo("a");
    assertThat(ClientMessageId.of("phone-7.retry_1").value()).isEqualTo("phone-7.retry_1");
    assertThat(ClientMessageId.of("x".repeat(64)).value()).hasSize(64);
  }

  @Test
  void refusesAnythingElseAsAnInvalidPayload() {
    for (String bad : new String[] {"", "x".repeat(65), "has space", "a:b", "বার্তা-১", "a/b"}) {
      assertThatThrownBy(() -> ClientMessageId.of(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              RealtimeException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_INVALID))
          .hasMessageContaining("client_msg_id");
    }
    assertThatThrownBy(() -> ClientMessageId.of(null)).isInstanceOf(RealtimeException.class);
  }
}
