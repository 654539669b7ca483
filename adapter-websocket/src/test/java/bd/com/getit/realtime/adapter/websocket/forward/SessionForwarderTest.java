package bd.com.getit.realtime.adapter.websocket.forward;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.cluster.NodeAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionForwarderTest {
  private static final NodeId SELF = NodeId.of("node-1");
  private static final NodeId PEER = NodeId.of("node-2");
  private static final UnaryOperator<String> NO_HEADERS = name -> null;

  private final SessionForwarder forwarder =
      SessionForwarder.create(
          SELF, new ForwardOptions(10, Duration.ofSeconds(5), Duration.ofSeconds(1), 1024, 8));

  @AfterEach
  void close() {
    forwarder.close();
  }

  private static String sidOf(NodeId node) {
    return "AbCdEfGhIjKlMnOpQrSt" + NodeTag.of(node).sidSuffix();
  }

  @Test
  void thisNodesSessionIdsEndWithItsTag() {
    assertThat(forwarder.sidSuffix()).isEqualTo(NodeTag.of(SELF).sidSuffix());
  }

  @Test
  void aSessionOfALivePeerIsRemote() {
    forwarder.updatePeers(
        List.of(
            NodeAddress.of(SELF, "http://10.0.0.1:8080"),
            NodeAddress.of(PEER, "http://10.0.0.2:8080")));

    assertThat(forwarder.isRemote(sidOf(PEER), NO_HEADERS)).isTrue();
    assertThat(forwarder.isRemote(sidOf(SELF), NO_HEADERS)).isFalse();
  }

  @Test
  void aSessionOfANodeNotInTheDirectoryIsNotRemote() {
    forwarder.updatePeers(List.of(NodeAddress.of(PEER, "http://10.0.0.2:8080")));
    forwarder.updatePeers(List.of());

    assertThat(forwarder.isRemote(sidOf(PEER), NO_HEADERS)).isFalse();
    assertThat(forwarder.isRemote("untagged-session-id", NO_HEADERS)).isFalse();
    assertThat(forwarder.isRemote(null, NO_HEADERS)).isFalse();
  }

  @Test
  void aRequestForwardedOnceIsNeverForwardedAgain() {
    forwarder.updatePeers(List.of(NodeAddress.of(PEER, "http://10.0.0.2:8080")));
    Map<String, String> headers = Map.of(SessionForwarder.FORWARDED_BY.toLowerCase(), "xxxxxx");

    assertThat(forwarder.isRemote(sidOf(PEER), name -> headers.get(name.toLowerCase()))).isFalse();
  }

  @Test
  void theSidIsReadFromARawQuery() {
    assertThat(SessionForwarder.sidOf("EIO=4&transport=polling&sid=ab.cdefgh&t=1"))
        .isEqualTo("ab.cdefgh");
    assertThat(SessionForwarder.sidOf("EIO=4&transport=polling")).isNull();
    assertThat(SessionForwarder.sidOf(null)).isNull();
  }
}
