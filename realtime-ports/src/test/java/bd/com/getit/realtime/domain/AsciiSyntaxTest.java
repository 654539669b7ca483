package bd.com.getit.realtime.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AsciiSyntaxTest {

  /**
   * Random strings near the syntax: its characters, neighbours, non-ASCII, lengths around the
   * bounds.
   */
  private static void agreesWithTheRegex(AsciiSyntax syntax, String regex, int max) {
    Pattern pattern = Pattern.compile(regex);
    String alphabet = "azAZ09_.-:@!/ ~\u00e9\u09e6`{[";
    Random random = new Random(42);
    for (int n = 0; n < 50_000; n++) {
      int length = random.nextInt(max + 3);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < length; i++) {
        s.append(
            random.nextInt(4) == 0
                ? alphabet.charAt(random.nextInt(alphabet.length()))
                : (char) ('a' + random.nextInt(26)));
      }
      String value = s.toString();
      assertThat(syntax.matches(value)).as(value).isEqualTo(pattern.matcher(value).matches());
    }
    assertThat(syntax).hasToString(regex);
  }

  @Test
  void eachSyntaxOfTheDomainAcceptsExactlyWhatItsRegexDid() {
    agreesWithTheRegex(AsciiSyntax.of("A-Za-z0-9_.-", 1, 128), "[A-Za-z0-9_.-]{1,128}", 128);
    agreesWithTheRegex(AsciiSyntax.of("A-Za-z0-9_.:@-", 1, 200), "[A-Za-z0-9_.:@-]{1,200}", 200);
    agreesWithTheRegex(AsciiSyntax.of("a-z", "a-z0-9_", 1, 64), "[a-z][a-z0-9_]{0,63}", 64);
    agreesWithTheRegex(AsciiSyntax.of("A-Za-z0-9_.-", 1, 64), "[A-Za-z0-9_.-]{1,64}", 64);
  }

  @Test
  void boundsAndNull() {
    AsciiSyntax twoToThree = AsciiSyntax.of("a-c", 2, 3);
    assertThat(twoToThree.matches(null)).isFalse();
    assertThat(twoToThree.matches("")).isFalse();
    assertThat(twoToThree.matches("a")).isFalse();
    assertThat(twoToThree.matches("ab")).isTrue();
    assertThat(twoToThree.matches("abc")).isTrue();
    assertThat(twoToThree.matches("abca")).isFalse();
    assertThat(twoToThree.matches("ad")).isFalse();
    assertThatThrownBy(() -> AsciiSyntax.of("a", 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AsciiSyntax.of("a", 3, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDomainsErrorsStillNameTheSyntax() {
    assertThatThrownBy(() -> ChannelName.parse("product:no spaces"))
        .isInstanceOf(RealtimeException.class)
        .hasMessageContaining("[A-Za-z0-9_.-]{1,128}");
    assertThatThrownBy(() -> UserId.of("bad id")).hasMessageContaining("[A-Za-z0-9_.:@-]{1,200}");
  }
}
