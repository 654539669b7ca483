package bd.com.getit.realtime.core.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.255.255.255",
        " 127.0.0.2 ",
        "::1",
        "[::1]",
        "::1%lo",
        "::ffff:127.0.0.1",
        "0:0:0:0:0:0:0:1"
      })
  void recognisesLoopback(String address) {
    assertThat(Loopback.isLoopback(address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "128.0.0.1",
        "10.0.0.1",
        "126.0.0.1",
        "127.0.0.256",
        "999.0.0.1",
        "localhost",
        "::2",
        "1:::::",
        "::ffff:10.0.0.1",
        "fe80::1",
        "",
        "[]",
        "127.0.0",
        "example.com"
      })
  void refusesEverythingElse(String address) {
    assertThat(Loopback.isLoopback(address)).isFalse();
  }
}
