package bd.com.getit.realtime.adapter.websocket.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressResolverTest {

  final ClientAddressResolver trustingLan =
      ClientAddressResolver.trusting(List.of("10.0.0.0/8", "192.0.2.7", "fd00::/8"));

  @Test
  void withoutTrustedProxiesThePeerIsTheClientAndTheHeaderIsIgnored() {
    ClientAddressResolver none = ClientAddressResolver.peerOnly();
    assertThat(none.resolve("203.0.113.5", List.of("198.51.100.1"))).isEqualTo("203.0.113.5");
    assertThat(none.trustsProxies()).isFalse();
  }

  @Test
  void aPeerInItsCanonicalFormIsReturnedAsTheSameString() {
    String peer = new String("203.0.113.5");
    assertThat(ClientAddressResolver.peerOnly().resolve(peer, null)).isSameAs(peer);
    assertThat(trustingLan.resolve(peer, List.of("127.0.0.1"))).isSameAs(peer);
    // not in the canonical form: the canonical form, not the text as sent
    assertThat(ClientAddressResolver.peerOnly().resolve("2001:DB8::1", null))
        .isEqualTo("2001:db8:0:0:0:0:0:1");
  }

  @Test
  void anUntrustedPeerIsTheClientWhateverItsHeaderClaims() {
    assertThat(trustingLan.resolve("203.0.113.5", List.of("127.0.0.1"))).isEqualTo("203.0.113.5");
  }

  @Test
  void aTrustedPeerForwardsTheRightMostUntrustedEntry() {
    assertThat(trustingLan.resolve("10.1.2.3", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
    // the client forged the first entry; the proxy appended the address it really saw
    assertThat(trustingLan.resolve("10.1.2.3", List.of("127.0.0.1, 198.51.100.1")))
        .isEqualTo("198.51.100.1");
  }

  @Test
  void trustedHopsAreSkippedAcrossSeveralHeadersAndProxies() {
    assertThat(
            trustingLan.resolve(
                "10.0.0.1", List.of("6.6.6.6, 198.51.100.9", "192.0.2.7, 10.200.0.1")))
        .isEqualTo("198.51.100.9");
  }

  @Test
  void cidrBoundariesAreExact() {
    ClientAddressResolver r = ClientAddressResolver.trusting(List.of("172.16.0.0/12"));
    assertThat(r.resolve("172.31.255.255", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(r.resolve("172.32.0.0", List.of("198.51.100.1"))).isEqualTo("172.32.0.0");
    assertThat(r.resolve("172.15.255.255", List.of("198.51.100.1"))).isEqualTo("172.15.255.255");
  }

  @Test
  void ipv6ProxiesAndClientsInCanonicalForm() {
    assertThat(trustingLan.resolve("[fd12::1]", List.of("2001:db8::abcd")))
        .isEqualTo("2001:db8:0:0:0:0:0:abcd");
    assertThat(trustingLan.resolve("fd12::1", List.of("[2001:db8::1]:4711")))
        .isEqualTo("2001:db8:0:0:0:0:0:1");
    assertThat(trustingLan.resolve("2001:db8::2", List.of("198.51.100.1")))
        .isEqualTo("2001:db8:0:0:0:0:0:2");
    // an IPv4 address mapped into IPv6 is the IPv4 address
    assertThat(trustingLan.resolve("::ffff:10.0.0.5", List.of("198.51.100.1")))
        .isEqualTo("198.51.100.1");
  }

  @Test
  void portsThatProxiesAppendAreDropped() {
    assertThat(trustingLan.resolve("10.0.0.1", List.of("198.51.100.1:51234")))
        .isEqualTo("198.51.100.1");
  }

  @Test
  void garbageWrittenBehindTrustedHopsStopsAtTheNearestTrustedHop() {
    assertThat(trustingLan.resolve("10.0.0.1", List.of("evil.example, 10.0.0.2")))
        .isEqualTo("10.0.0.2");
    assertThat(trustingLan.resolve("10.0.0.1", List.of("not-an-ip"))).isEqualTo("10.0.0.1");
  }

  @Test
  void noHeaderOrOnlyTrustedHopsLeavesTheLeftMostTrustedAddress() {
    assertThat(trustingLan.resolve("10.0.0.1", List.of())).isEqualTo("10.0.0.1");
    assertThat(trustingLan.resolve("10.0.0.1", null)).isEqualTo("10.0.0.1");
    assertThat(trustingLan.resolve("10.0.0.1", List.of("10.0.0.9"))).isEqualTo("10.0.0.9");
  }

  @Test
  void anUnparseablePeerIsKeptAsIsAndNeverLookedUp() {
    assertThat(trustingLan.resolve("localhost", List.of("198.51.100.1"))).isEqualTo("localhost");
    assertThat(trustingLan.resolve(null, List.of())).isEqualTo("unknown");
    assertThat(trustingLan.resolve("", List.of())).isEqualTo("unknown");
  }

  @Test
  void badProxyEntriesAreRefusedWithTheirText() {
    assertThatThrownBy(() -> ClientAddressResolver.trusting(List.of("proxy.internal")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proxy.internal");
    assertThatThrownBy(() -> ClientAddressResolver.trusting(List.of("10.0.0.0/33")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientAddressResolver.trusting(List.of("10.0.0.0/x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientAddressResolver.trusting(List.of("300.0.0.1")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
