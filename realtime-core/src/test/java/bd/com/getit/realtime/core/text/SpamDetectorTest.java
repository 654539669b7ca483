package bd.com.getit.realtime.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.adapter.memory.InMemorySpamLedger;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.SpamLimits;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SpamDetectorTest {

  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final RoomId ROOM = RoomId.of("r1");

  private final MutableClock clock = new MutableClock();
  private final SpamDetector detector =
      new SpamDetector(SpamRules.DEFAULTS, new InMemorySpamLedger(), clock);

  private static void pass(SpamDetector detector, UserId user, RoomId room, String text) {
    detector.check(user, room, text).toCompletableFuture().join();
  }

  private void pass(UserId user, RoomId room, String text) {
    pass(detector, user, room, text);
  }

  private static void assertSpam(SpamDetector detector, UserId user, RoomId room, String text) {
    assertThatThrownBy(() -> pass(detector, user, room, text))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            RealtimeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SPAM_DETECTED));
  }

  private void assertSpam(UserId user, RoomId room, String text) {
    assertSpam(detector, user, room, text);
  }

  @Test
  void allowsTheSameTextThreeTimesThenRefusesTheFourth() {
    for (int i = 0; i < 3; i++) {
      pass(ALICE, ROOM, "Buy now");
    }
    assertSpam(ALICE, ROOM, "Buy now");
  }

  @Test
  void repeatsAreComparedNormalised() {
    pass(ALICE, ROOM, "Buy now");
    pass(ALICE, ROOM, "  BUY   now ");
    pass(ALICE, ROOM, "ｂｕｙ now");
    assertSpam(ALICE, ROOM, "buy\nnow");
  }

  @Test
  void banglaRepeatsAreCaughtToo() {
    for (int i = 0; i < 3; i++) {
      pass(ALICE, ROOM, "এখনই কিনুন!  ৫০% ছাড়");
    }
    assertSpam(ALICE, ROOM, "এখনই কিনুন! ৫০% ছাড়");
  }

  @Test
  void differentTextsAreNotRepeats() {
    for (int i = 0; i < 20; i++) {
      pass(ALICE, ROOM, "message " + i);
    }
  }

  @Test
  void repeatsAreCountedPerUser() {
    for (int i = 0; i < 3; i++) {
      pass(ALICE, ROOM, "hello");
    }
    assertThatCode(() -> pass(BOB, ROOM, "hello")).doesNotThrowAnyException();
  }

  @Test
  void repeatsOneWindowOldAreForgotten() {
    for (int i = 0; i < 3; i++) {
      pass(ALICE, ROOM, "hello");
    }
    clock.advance(Duration.ofMillis(59_999));
    assertSpam(ALICE, ROOM, "hello");
    clock.advance(Duration.ofMillis(1));
    assertThatCode(() -> pass(ALICE, ROOM, "hello")).doesNotThrowAnyException();
  }

  @Test
  void allowsFiveLinksButNotSix() {
    String five = "http://a.bd https://b.bd www.c.bd HTTPS://d.bd ftp://e.bd";
    assertThatCode(() -> pass(ALICE, ROOM, five)).doesNotThrowAnyException();
    assertSpam(ALICE, ROOM, five + " www.f.bd");
  }

  @Test
  void countsLinks() {
    assertThat(SpamDetector.links("no links here, example.com")).isZero();
    assertThat(SpamDetector.links("see https://getit.com.bd/p/1 and www.x.bd")).isEqualTo(2);
  }

  @Test
  void allowsTenRoomsAMinuteButNotEleven() {
    for (int i = 0; i < 10; i++) {
      pass(ALICE, RoomId.of("room" + i), "hi " + i);
    }
    pass(ALICE, RoomId.of("room3"), "again");
    assertSpam(ALICE, RoomId.of("room10"), "hi");
    clock.advance(Duration.ofSeconds(61));
    assertThatCode(() -> pass(ALICE, RoomId.of("room10"), "hi")).doesNotThrowAnyException();
  }

  @Test
  void thresholdsComeFromTheRules() {
    SpamDetector strict =
        new SpamDetector(
            new SpamRules(1, 0, 1, Duration.ofSeconds(5)), new InMemorySpamLedger(), clock);
    pass(strict, ALICE, ROOM, "one");
    assertSpam(strict, ALICE, ROOM, "one");
    assertSpam(strict, ALICE, ROOM, "www.x.bd");
    assertSpam(strict, ALICE, RoomId.of("other"), "two");
    clock.advance(Duration.ofSeconds(6));
    pass(strict, ALICE, RoomId.of("other"), "one");
  }

  @Test
  void twoDetectorsOnOneLedgerActAsOne() {
    InMemorySpamLedger shared = new InMemorySpamLedger();
    SpamDetector nodeA = new SpamDetector(SpamRules.DEFAULTS, shared, clock);
    SpamDetector nodeB = new SpamDetector(SpamRules.DEFAULTS, shared, clock);
    pass(nodeA, ALICE, ROOM, "hello");
    pass(nodeB, ALICE, ROOM, "hello");
    pass(nodeA, ALICE, ROOM, "hello");
    assertSpam(nodeB, ALICE, ROOM, "hello");
  }

  @Test
  void fingerprintsDiffer() {
    assertThat(SpamDetector.fingerprint("a")).isNotEqualTo(SpamDetector.fingerprint("b"));
    assertThat(SpamDetector.fingerprint("ab")).isNotEqualTo(SpamDetector.fingerprint("ba"));
  }

  @Test
  void rulesAreValidated() {
    assertThatThrownBy(() -> new SpamRules(0, 5, 10, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SpamRules(1, -1, 10, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SpamRules(1, 5, 0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SpamRules(1, 5, 10, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new SpamRules(1, 0, 1, Duration.ofMillis(1)).maxLinks()).isZero();
    assertThat(SpamRules.DEFAULTS.limits())
        .isEqualTo(new SpamLimits(3, 10, Duration.ofSeconds(60)));
  }

  private static String random(Random random, String alphabet, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength);
    for (int k = 0; k < length; k++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  @Test
  void theAsciiFingerprintIsTheFingerprintOfTheNormalisedText() {
    // Every kind of \\s, upper case, other whitespace, a fullwidth letter NFKC folds, an accent.
    String alphabet = "aB \t\n\u000b\f\r\u001c\u00a0\uff21\u00e9.";
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      String text = random(random, alphabet, 10);
      assertThat(SpamDetector.normalisedFingerprint(text))
          .as("%s", text.chars().boxed().toList())
          .isEqualTo(SpamDetector.fingerprint(SpamDetector.normalise(text)));
    }
  }

  @Test
  void textWithoutSchemeOrWwwIsKnownLinkFreeWithoutTheExpression() {
    Pattern link = Pattern.compile("(?i)\\b(?:https?://|ftp://|www\\.)[^\\s<>\"]+");
    String alphabet = "wW.:/htpsfx ";
    Random random = new Random(3);
    for (int i = 0; i < 50_000; i++) {
      String text = random(random, alphabet, 14);
      if (!SpamDetector.mayHoldLink(text)) {
        assertThat(link.matcher(text).find()).as(text).isFalse();
        assertThat(SpamDetector.links(text)).isZero();
      }
    }
    assertThat(SpamDetector.mayHoldLink("see WwW.example.com")).isTrue();
    assertThat(SpamDetector.mayHoldLink("HTTPS://x")).isTrue();
    assertThat(SpamDetector.mayHoldLink("no links here. none.")).isFalse();
  }
}
