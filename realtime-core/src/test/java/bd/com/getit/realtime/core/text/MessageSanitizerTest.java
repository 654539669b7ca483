package bd.com.getit.realtime.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import java.text.Normalizer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageSanitizerTest {

  private final MessageSanitizer sanitizer = new MessageSanitizer();

  private static ErrorCode codeOf(Runnable r) {
    try {
      r.run();
    } catch (RealtimeException e) {
      return e.code();
    }
    throw new AssertionError("no failure");
  }

  @Test
  void keepsPlainTextAsIs() {
    assertThat(sanitizer.sanitize("Hello, is this in stock?"))
        .isEqualTo("Hello, is this in stock?");
  }

  @Test
  void stripsTagsButKeepsTheirText() {
    assertThat(sanitizer.sanitize("<b>bold</b> and <a href=\"x\">link</a>"))
        .isEqualTo("bold and link");
  }

  @Test
  void dropsScriptAndStyleContents() {
    assertThat(sanitizer.sanitize("hi<script>alert('x')</script> there")).isEqualTo("hi there");
    assertThat(sanitizer.sanitize("a<STYLE type=x>body{}</style >b")).isEqualTo("ab");
    assertThat(sanitizer.sanitize("a<ScRiPt>evil()</sCrIpT>b")).isEqualTo("ab");
  }

  @Test
  void scriptContentWithBracketsIsDroppedToItsClosingTag() {
    assertThat(sanitizer.sanitize("<script>ab>cd</script>e")).isEqualTo("e");
    assertThat(sanitizer.sanitize("<script>if (a<b && c>d) x()</SCRIPT>e")).isEqualTo("e");
  }

  @Test
  void unclosedScriptSwallowsTheRest() {
    assertThat(sanitizer.sanitize("ok<script>alert(1)")).isEqualTo("ok");
  }

  @Test
  void scriptCloseWithoutItsBracketSwallowsTheRest() {
    assertThat(sanitizer.sanitize("ok<script>x</script")).isEqualTo("ok");
  }

  @Test
  void selfClosingScriptDropsOnlyTheTag() {
    assertThat(sanitizer.sanitize("a<script/>b")).isEqualTo("ab");
  }

  @Test
  void ordinaryElementKeepsContentAfterIt() {
    assertThat(sanitizer.sanitize("<div>one</div><span>two</span>")).isEqualTo("onetwo");
  }

  @Test
  void stripsCommentsCdataDeclarationsAndInstructions() {
    assertThat(sanitizer.sanitize("a<!-- <script>x</script> -->b")).isEqualTo("ab");
    assertThat(sanitizer.sanitize("a<![CDATA[ x > y ]]>b")).isEqualTo("ab");
    assertThat(sanitizer.sanitize("<!DOCTYPE html>a<?xml version=\"1.0\"?>b")).isEqualTo("ab");
  }

  @Test
  void commentsAndCdataEndAfterTheirOpening() {
    assertThat(sanitizer.sanitize("a<!-->b-->c")).isEqualTo("ac");
    assertThat(sanitizer.sanitize("-->x<!--y-->z")).isEqualTo("-->xz");
    assertThat(sanitizer.sanitize("]]>x<![CDATA[y]]>z")).isEqualTo("]]>xz");
  }

  @Test
  void tagNamesStartWithAnAsciiLetter() {
    assertThat(sanitizer.sanitize("<@x> <[x> <`x> <{x>")).isEqualTo("<@x> <[x> <`x> <{x>");
    assertThat(sanitizer.sanitize("1<A>2<Z>3<a>4<z>5")).isEqualTo("12345");
  }

  @Test
  void onlyExactNamesDropTheirContent() {
    assertThat(sanitizer.sanitize("<script0>a</script0><script9>b</script9>")).isEqualTo("ab");
    assertThat(sanitizer.sanitize("<script-x>c</script-x><script:x>d</script:x>")).isEqualTo("cd");
    assertThat(sanitizer.sanitize("<scriptz>e</scriptz><scriptA>f</scriptA>")).isEqualTo("ef");
    assertThat(sanitizer.sanitize("<Style>g</Style>h")).isEqualTo("h");
  }

  @Test
  void loneCarriageReturnAtTheEndIsALineBreak() {
    assertThat(MessageSanitizer.removeControls("a\r")).isEqualTo("a\n");
    assertThat(MessageSanitizer.removeControls("a\r\n")).isEqualTo("a\n");
  }

  @Test
  void unterminatedCommentSwallowsTheRest() {
    assertThat(sanitizer.sanitize("a<!-- b")).isEqualTo("a");
    assertThat(sanitizer.sanitize("a<![CDATA[ b")).isEqualTo("a");
  }

  @Test
  void unterminatedDeclarationDropsOnlyItsBracket() {
    assertThat(sanitizer.sanitize("a<!b")).isEqualTo("a!b");
  }

  @Test
  void quotedBracketDoesNotEndTag() {
    assertThat(sanitizer.sanitize("<img alt=\"a>b\" src='c>d' onerror=x>ok")).isEqualTo("ok");
  }

  @Test
  void unterminatedTagLosesItsBracketSoNoMarkupRemains() {
    String out = sanitizer.sanitize("see <img src=x onerror=alert(1)");
    assertThat(out).isEqualTo("see img src=x onerror=alert(1)").doesNotContain("<");
  }

  @Test
  void veryLongTagIsNotATag() {
    String padding = "x".repeat(MessageSanitizer.MAX_TAG_CHARS);
    assertThat(sanitizer.sanitize("<a " + padding + ">z")).isEqualTo("a " + padding + ">z");
    String fits = "x".repeat(MessageSanitizer.MAX_TAG_CHARS - 3);
    assertThat(sanitizer.sanitize("<a " + fits + ">z")).isEqualTo("z");
  }

  @Test
  void keepsLessThanThatStartsNoTag() {
    assertThat(sanitizer.sanitize("a < b and 1<2 <3 </ x")).isEqualTo("a < b and 1<2 <3 </ x");
    assertThat(sanitizer.sanitize("1 <")).isEqualTo("1 <");
    assertThat(sanitizer.sanitize("1 </")).isEqualTo("1 </");
  }

  @Test
  void strayBracketsCannotReformMarkup() {
    assertThat(sanitizer.sanitize("x<<b>b>y")).isEqualTo("xy");
    assertThat(sanitizer.sanitize("<scr<script>ipt>alert(1)</script>")).isEqualTo("ipt>alert(1)");
    assertThat(sanitizer.sanitize("ok <<script>script>alert(1)<</script>/script>")).isEqualTo("ok");
  }

  @Test
  void controlsCannotHideATag() {
    assertThat(sanitizer.sanitize("a<\u0000script>alert(1)</script>b")).isEqualTo("ab");
    assertThat(sanitizer.sanitize("a<\uFEFFb>c")).isEqualTo("ac");
  }

  @Test
  void deeplyNestedBracketsLoseEveryBracket() {
    String nested = "<".repeat(6) + "b>".repeat(6) + "x";
    assertThat(sanitizer.sanitize(nested)).isEqualTo("b>b>x");
    assertThat(MessageSanitizer.stripAllMarkup("<<<<<b>b>b>b>b>z")).doesNotContain("<");
    assertThat(MessageSanitizer.stripAllMarkup("<<<b>b>b>z")).isEqualTo("z");
  }

  @Test
  void closingTagIsStripped() {
    assertThat(sanitizer.sanitize("x</p>y")).isEqualTo("xy");
  }

  @Test
  void decodesNoEntities() {
    assertThat(sanitizer.sanitize("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &amp;");
  }

  @Test
  void removesControlCharactersButKeepsNewlineAndTab() {
    assertThat(sanitizer.sanitize("a\u0000b\u0007c\u001bd\u007fe\u0085f\tg\nh"))
        .isEqualTo("abcdef\tg\nh");
  }

  @Test
  void turnsCarriageReturnsAndSeparatorsIntoNewlines() {
    assertThat(sanitizer.sanitize("a\r\nb\rc\u2028d\u2029e")).isEqualTo("a\nb\nc\nd\ne");
  }

  @Test
  void removesBidiOverridesBomLoneSurrogatesAndNoncharacters() {
    assertThat(
            sanitizer.sanitize(
                "a\u202Eb\u202Ac\u2066d\u2069e\uFEFFf\uD800g\uFFFEh\uFFFFi\uFDD0j\uFDEFk"))
        .isEqualTo("abcdefghijk");
  }

  @Test
  void keepsBanglaWithJoinersIntact() {
    String bangla = "ক্\u200Dষ র\u200C্যাব আমি বাংলায় গান গাই ০১২৩৪৫৬৭৮৯";
    assertThat(sanitizer.sanitize(bangla))
        .isEqualTo(Normalizer.normalize(bangla, Normalizer.Form.NFC))
        .contains("ক্\u200Dষ", "র\u200C্যাব", "০১২৩৪৫৬৭৮৯");
  }

  @Test
  void keepsEmojiSequencesIntact() {
    String emoji =
        "👍🏽 👨\u200D👩\u200D👧 ❤\uFE0F 🇧🇩 🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
    assertThat(sanitizer.sanitize(emoji)).isEqualTo(emoji);
  }

  @Test
  void normalisesToNfc() {
    assertThat(sanitizer.sanitize("e\u0301")).isEqualTo("\u00e9");
    assertThat(sanitizer.sanitize("ক\u09C7\u09BE")).isEqualTo("ক\u09CB");
  }

  @Test
  void collapsesLongWhitespaceRuns() {
    assertThat(sanitizer.sanitize("a" + " ".repeat(5) + "b")).isEqualTo("a b");
    assertThat(sanitizer.sanitize("a" + " ".repeat(4) + "b")).isEqualTo("a    b");
    assertThat(sanitizer.sanitize("a\u00A0\u3000\t \u2003b")).isEqualTo("a b");
  }

  @Test
  void keepsAtMostOneBlankLine() {
    assertThat(sanitizer.sanitize("a\n\n\n\n\nb")).isEqualTo("a\n\nb");
    assertThat(sanitizer.sanitize("a\n\nb")).isEqualTo("a\n\nb");
    assertThat(sanitizer.sanitize("a\n  \n \n\nb")).isEqualTo("a\n\nb");
  }

  @Test
  void trimsEndsAndLineEndsButKeepsIndentation() {
    assertThat(sanitizer.sanitize("  \n a  \n  b \n ")).isEqualTo("a\n  b");
  }

  @Test
  void refusesMissingOrEmptyText() {
    assertThat(codeOf(() -> sanitizer.sanitize(null))).isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(codeOf(() -> sanitizer.sanitize(""))).isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(codeOf(() -> sanitizer.sanitize(" \n\t\u0000 ")))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(codeOf(() -> sanitizer.sanitize("<b></b><script>x</script>")))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
  }

  @Test
  void countsLengthInCodePoints() {
    String emoji = "😀".repeat(MessageSanitizer.MAX_CODE_POINTS);
    assertThat(sanitizer.sanitize(emoji)).hasSize(2 * MessageSanitizer.MAX_CODE_POINTS);
    assertThat(codeOf(() -> sanitizer.sanitize(emoji + "😀")))
        .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
  }

  @Test
  void refusesTooLongText() {
    assertThat(sanitizer.sanitize("a".repeat(4000))).hasSize(4000);
    assertThat(codeOf(() -> sanitizer.sanitize("a".repeat(4001))))
        .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    assertThat(sanitizer.sanitize("abcd", 4)).isEqualTo("abcd");
    assertThat(codeOf(() -> sanitizer.sanitize("abcde", 4))).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
  }

  @Test
  void lengthIsCountedAfterCleaning() {
    assertThat(sanitizer.sanitize("<b>" + "a".repeat(4000) + "</b>")).hasSize(4000);
  }

  @Test
  void refusesHugeRawInputBeforeWork() {
    assertThat(
            sanitizer.sanitize(
                "<i></i>" + "a".repeat(MessageSanitizer.MAX_RAW_CHARS - 7), Integer.MAX_VALUE))
        .hasSize(MessageSanitizer.MAX_RAW_CHARS - 7);
    assertThat(
            codeOf(
                () ->
                    sanitizer.sanitize(
                        "a".repeat(MessageSanitizer.MAX_RAW_CHARS + 1), Integer.MAX_VALUE)))
        .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
  }

  @Test
  void manyUnterminatedTagsStayCheap() {
    String hostile = "<a\"".repeat(MessageSanitizer.MAX_RAW_CHARS / 3);
    assertThat(sanitizer.sanitize(hostile, Integer.MAX_VALUE))
        .doesNotContain("<")
        .startsWith("a\"a");
  }

  /** The cleaning without the plain-text shortcut. */
  private static String fullPath(String raw) {
    return Normalizer.normalize(
        MessageSanitizer.collapseWhitespace(
            MessageSanitizer.stripAllMarkup(MessageSanitizer.removeControls(raw))),
        Normalizer.Form.NFC);
  }

  @Test
  void plainTextTakesTheShortcutOnlyWhereTheFullCleaningLeavesItAsIs() {
    int max = MessageSanitizer.MAX_CODE_POINTS;
    for (String plain : List.of("hi", "Hello, is this in stock?", "a    b", "x>y & 'z'", "~!@")) {
      assertThat(MessageSanitizer.isPlain(plain, max)).as(plain).isTrue();
      assertThat(sanitizer.sanitize(plain)).isEqualTo(plain).isEqualTo(fullPath(plain));
    }
    for (String other :
        List.of(
            "",
            " hi",
            "hi ",
            "a     b",
            "a\tb",
            "a\nb",
            "<b>x</b>",
            "a < b",
            "caf\u00e9",
            "del\u007f",
            "\u09ac\u09be\u0982\u09b2\u09be")) {
      assertThat(MessageSanitizer.isPlain(other, max)).as(other).isFalse();
    }
    assertThat(MessageSanitizer.isPlain("abc", 2)).isFalse();
  }

  @Test
  void shortcutAndFullCleaningAgreeOnRandomText() {
    String alphabet = "aZ09 ,.!~<>/\t\n\u007f\u00e9";
    Random random = new Random(12);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int k = 0; k < length; k++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String raw = text.toString();
      if (MessageSanitizer.isPlain(raw, MessageSanitizer.MAX_CODE_POINTS)) {
        assertThat(fullPath(raw)).as(raw).isEqualTo(raw);
      }
    }
  }
}
