package bd.com.getit.realtime.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeKeyTest {

  @Test
  void membersSortAsTheirTimesThenIds() {
    List<String> inOrder =
        List.of(
            TimeKey.member(Instant.parse("1969-12-31T23:59:59.999Z"), "z"),
            TimeKey.member(Instant.EPOCH, "a"),
            TimeKey.member(Instant.parse("2026-01-01T00:00:00Z"), "m-a"),
            TimeKey.member(Instant.parse("2026-01-01T00:00:00Z"), "m-b"),
            TimeKey.member(Instant.parse("2026-01-01T00:00:00.000000001Z"), "a"),
            TimeKey.member(Instant.parse("2026-01-01T00:00:01Z"), "a"));
    List<String> sorted = new ArrayList<>(inOrder);
    sorted.sort(null);

    assertThat(sorted).isEqualTo(inOrder);
  }

  @Test
  void theIdIsReadBack() {
    String member = TimeKey.member(Instant.parse("2026-12-07T09:00:00.123Z"), "msg:with:colons");

    assertThat(TimeKey.id(member)).isEqualTo("msg:with:colons");
    assertThat(member).hasSize(TimeKey.ID_OFFSET + "msg:with:colons".length());
  }

  @Test
  void boundsCompareAgainstTheTimePartOnly() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    String atT = TimeKey.member(t, "x");
    String before = TimeKey.before(t).substring(1);

    assertThat(before.compareTo(atT)).as("strictly before t excludes t").isLessThan(0);
    assertThat(TimeKey.atOrAfter(t).substring(1).compareTo(atT)).isLessThan(0);
    assertThat(TimeKey.member(t.minusNanos(1), "zzz").compareTo(before)).isLessThan(0);
  }
}
