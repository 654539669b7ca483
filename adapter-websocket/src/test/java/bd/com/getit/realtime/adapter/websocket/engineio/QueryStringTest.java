package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {

  @Test
  void parsesRepeatedAndEncodedParameters() {
    Map<String, List<String>> query =
        QueryString.parse("EIO=4&transport=polling&t=a%20b&t=c+d&flag&=x&&bad=%zz");

    assertThat(query)
        .containsEntry("EIO", List.of("4"))
        .containsEntry("t", List.of("a b", "c d"))
        .containsEntry("flag", List.of(""))
        .containsEntry("", List.of("x"))
        .containsEntry("bad", List.of("%zz"));
    assertThat(QueryString.first(query, "transport")).isEqualTo("polling");
    assertThat(QueryString.first(query, "sid")).isNull();
  }

  @Test
  void anAbsentQueryIsEmpty() {
    assertThat(QueryString.parse(null)).isEmpty();
    assertThat(QueryString.parse("")).isEmpty();
  }
}
