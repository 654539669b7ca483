package bd.com.getit.realtime.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.cluster.NodeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeAddressTest {
  private static final NodeId NODE = NodeId.of("node-1");

  @Test
  void anHttpBaseUrlIsANodeAddress() {
    assertThat(NodeAddress.of(NODE, "http://10.0.0.7:8080").url().getPort()).isEqualTo(8080);
    assertThat(NodeAddress.of(NODE, "https://node-1.internal/").url().getHost())
        .isEqualTo("node-1.internal");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://10.0.0.7:8080",
        "10.0.0.7:8080",
        "http://10.0.0.7:8080/socket.io/",
        "http://10.0.0.7:8080?x=1",
        "http://user:pw@10.0.0.7:8080",
        "http:///nohost",
        "http://bad host"
      })
  void anythingElseIsRefusedNamingTheUrl(String url) {
    assertThatThrownBy(() -> NodeAddress.of(NODE, url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(url);
  }
}
