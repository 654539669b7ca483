package bd.com.getit.realtime.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelNameTest {

  @Test
  void parsesEveryTypeOfTheProtocol() {
    for (ChannelType type : ChannelType.values()) {
      ChannelName name = ChannelName.parse(type.prefix() + ":a-1_b.c");
      assertThat(name.type()).isEqualTo(type);
      assertThat(name.id()).isEqualTo("a-1_b.c");
      assertThat(name).hasToString(type.prefix() + ":a-1_b.c");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"product", "product:", ":1", "product:a b", "product:<x>", "product:a:b"})
  void malformedNamesAreChannelInvalid(String raw) {
    assertThatThrownBy(() -> ChannelName.parse(raw))
        .isInstanceOfSatisfying(
            RealtimeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHANNEL_INVALID));
  }

  @Test
  void idsAreAtMost128Characters() {
    assertThat(ChannelName.parse("product:" + "x".repeat(128)).id()).hasSize(128);
    assertThatThrownBy(() -> ChannelName.parse("product:" + "x".repeat(129)))
        .isInstanceOf(RealtimeException.class);
    assertThatThrownBy(() -> ChannelName.parse(null)).isInstanceOf(RealtimeException.class);
  }

  @Test
  void unknownTypesAreChannelUnknown() {
    assertThatThrownBy(() -> ChannelName.parse("bogus:1"))
        .isInstanceOfSatisfying(
            RealtimeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHANNEL_UNKNOWN));
  }
}
