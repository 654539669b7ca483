package bd.com.getit.realtime.adapter.websocket.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.NodeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NodeTagTest {

  @Test
  void aNodesTagIsSixUrlSafeCharactersTheSameOnEveryNode() {
    NodeTag tag = NodeTag.of(NodeId.of("node-1"));

    assertThat(tag.value()).matches("[A-Za-z0-9_-]{6}");
    assertThat(NodeTag.of(NodeId.of("node-1"))).isEqualTo(tag);
    assertThat(NodeTag.of(NodeId.of("node-2"))).isNotEqualTo(tag);
  }

  @Test
  void theTagIsReadBackFromASessionIdThatEndsWithIt() {
    NodeTag tag = NodeTag.of(NodeId.of("node-1"));
    String sid = "AbCdEfGhIjKlMnOpQrSt" + tag.sidSuffix();

    assertThat(sid).matches("[A-Za-z0-9_.-]+");
    assertThat(NodeTag.ofSid(sid)).contains(tag);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "AbCdEfGhIjKlMnOpQrSt",
        "AbCdEfGhIjKlMnOpQrSt.",
        ".abcdef",
        "AbCdEfGhIjKlMnOpQrSt.abcde",
        "AbCdEfGhIjKlMnOpQrSt.abcdefg",
        "AbCdEfGhIjKlMnOpQrSt.abc%ef"
      })
  void aSessionIdWithoutAWellFormedTagHasNone(String sid) {
    assertThat(NodeTag.ofSid(sid)).isEmpty();
  }

  @Test
  void aMalformedTagIsRefusedNamingIt() {
    assertThatThrownBy(() -> new NodeTag("a.b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a.b'");
  }
}
