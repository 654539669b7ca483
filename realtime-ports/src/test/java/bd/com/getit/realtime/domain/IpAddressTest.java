package bd.com.getit.realtime.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

  @ParameterizedTest
  @CsvSource({
    "192.0.2.7, 192.0.2.7",
    "' 10.0.0.1 ', 10.0.0.1",
    "[::1], 0:0:0:0:0:0:0:1",
    "::1%lo, 0:0:0:0:0:0:0:1",
    "FD00::0001, fd00:0:0:0:0:0:0:1",
    "fe80::1%eth0, fe80:0:0:0:0:0:0:1",
    "::ffff:10.0.0.1, 10.0.0.1",
    "0:0:0:0:0:0:0:1, 0:0:0:0:0:0:0:1"
  })
  void readsLiteralsIntoTheirCanonicalText(String text, String canonical) {
    assertThat(IpAddress.parse(text))
        .hasValueSatisfying(ip -> assertThat(ip).hasToString(canonical));
  }

  @Test
  void twoSpellingsOfOneAddressAreEqual() {
    assertThat(IpAddress.parse("::ffff:192.0.2.7")).isEqualTo(IpAddress.parse("192.0.2.7"));
    assertThat(IpAddress.parse("[fd00::1]")).isEqualTo(IpAddress.parse("fd00:0:0:0:0:0:0:1"));
  }

  @Test
  void tellsTheFamilyAndGivesACopyOfTheBytes() {
    IpAddress v4 = IpAddress.parse("192.0.2.7").orElseThrow();
    IpAddress v6 = IpAddress.parse("fd00::1").orElseThrow();

    assertThat(v4.isV4()).isTrue();
    assertThat(v4.bytes()).containsExactly(192, 0, 2, 7);
    assertThat(v6.isV4()).isFalse();
    assertThat(v6.bytes()).hasSize(16);
    v4.bytes()[0] = 1;
    assertThat(v4.bytes()[0]).isEqualTo((byte) 192);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "[]",
        "localhost",
        "example.com",
        "proxy.internal",
        "300.0.0.1",
        "999.0.0.1",
        "127.0.0.256",
        "127.0.0",
        "1.2.3.4.5",
        "1:::::",
        "::g",
        "10.0.0.1:80",
        "1.2.3.4/8"
      })
  void refusesAnythingButAnIpLiteralAndNeverLooksItUp(String text) {
    assertThat(IpAddress.parse(text)).isEmpty();
  }

  @Test
  void nullIsNoAddress() {
    assertThat(IpAddress.parse(null)).isEmpty();
    assertThat(IpAddress.isLoopback(null)).isFalse();
    assertThatThrownBy(() -> new IpAddress(null)).isInstanceOf(NullPointerException.class);
  }

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
    assertThat(IpAddress.isLoopback(address)).isTrue();
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
  void nothingElseIsLoopback(String address) {
    assertThat(IpAddress.isLoopback(address)).isFalse();
  }
}
