package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void everySessionSharesTheUsualNamesAndValuesInsteadOfACopyEach() {
    // parsed from two distinct strings, as two requests would be
    Map<String, List<String>> first =
        QueryString.parse(new String("EIO=4&transport=websocket&custom=v"));
    Map<String, List<String>> second =
        QueryString.parse(new String("EIO=4&transport=websocket&custom=v"));

    assertThat(QueryString.first(first, "transport"))
        .isSameAs(QueryString.first(second, "transport"));
    assertThat(QueryString.first(first, "EIO")).isSameAs(QueryString.first(second, "EIO"));
    assertThat(first.keySet().stream().filter(k -> k.equals("transport")).findFirst().orElseThrow())
        .isSameAs(
            second.keySet().stream().filter(k -> k.equals("transport")).findFirst().orElseThrow());
    assertThat(first).isEqualTo(second);
  }

  @Test
  void aValueKeepsItsEqualsSignsAndStrayAmpersandsAreSkipped() {
    Map<String, List<String>> query = QueryString.parse("&token=a.b=&x=1&&x=2&x=%3D&");

    assertThat(query)
        .containsOnlyKeys("token", "x")
        .containsEntry("token", List.of("a.b="))
        .containsEntry("x", List.of("1", "2", "="));
    assertThatThrownBy(() -> query.get("x").add("3"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> query.put("y", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anAbsentQueryIsEmpty() {
    assertThat(QueryString.parse(null)).isEmpty();
    assertThat(QueryString.parse("")).isEmpty();
  }
}
