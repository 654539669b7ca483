package bd.com.getit.realtime.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpamDetectorTest {

  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final RoomId ROOM = RoomId.of("r1");

  private final MutableClock clock = new MutableClock();
  private final SpamDetector detector = new SpamDetector(SpamRules.DEFAULTS, clock);

  private static void assertSpam(Runnable r) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            RealtimeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SPAM_DETECTED));
  }

  @Test
  void allowsTheSameTextThreeTimesThenRefusesTheFourth() {
    for (int i = 0; i < 3; i++) {
      detector.check(ALICE, ROOM, "Buy now");
    }
    assertSpam(() -> detector.check(ALICE, ROOM, "Buy now"));
  }

  @Test
  void repeatsAreComparedNormalised() {
    detector.check(ALICE, ROOM, "Buy now");
    detector.check(ALICE, ROOM, "  BUY   now ");
    detector.check(ALICE, ROOM, "ｂｕｙ now");
    assertSpam(() -> detector.check(ALICE, ROOM, "buy\nnow"));
  }

  @Test
  void differentTextsAreNotRepeats() {
    for (int i = 0; i < 20; i++) {
      detector.check(ALICE, ROOM, "message " + i);
    }
  }

  @Test
  void repeatsAreCountedPerUser() {
    for (int i = 0; i < 3; i++) {
      detector.check(ALICE, ROOM, "hello");
    }
    assertThatCode(() -> detector.check(BOB, ROOM, "hello")).doesNotThrowAnyException();
  }

  @Test
  void repeatsOutsideTheWindowAreForgotten() {
    for (int i = 0; i < 3; i++) {
      detector.check(ALICE, ROOM, "hello");
    }
    clock.advance(Duration.ofSeconds(60));
    assertSpam(() -> detector.check(ALICE, ROOM, "hello"));
    clock.advance(Duration.ofMillis(1));
    assertThatCode(() -> detector.check(ALICE, ROOM, "hello")).doesNotThrowAnyException();
  }

  @Test
  void refusedMessagesAreNotRemembered() {
    for (int i = 0; i < 3; i++) {
      detector.check(ALICE, ROOM, "hello");
    }
    clock.advance(Duration.ofSeconds(30));
    assertSpam(() -> detector.check(ALICE, ROOM, "hello"));
    clock.advance(Duration.ofSeconds(31));
    detector.check(ALICE, ROOM, "hello");
    detector.check(ALICE, ROOM, "hello");
    detector.check(ALICE, ROOM, "hello");
    assertSpam(() -> detector.check(ALICE, ROOM, "hello"));
  }

  @Test
  void allowsFiveLinksButNotSix() {
    String five = "http://a.bd https://b.bd www.c.bd HTTPS://d.bd ftp://e.bd";
    assertThatCode(() -> detector.check(ALICE, ROOM, five)).doesNotThrowAnyException();
    assertSpam(() -> detector.check(ALICE, ROOM, five + " www.f.bd"));
  }

  @Test
  void countsLinks() {
    assertThat(SpamDetector.links("no links here, example.com")).isZero();
    assertThat(SpamDetector.links("see https://getit.com.bd/p/1 and www.x.bd")).isEqualTo(2);
  }

  @Test
  void allowsTenRoomsAMinuteButNotEleven() {
    for (int i = 0; i < 10; i++) {
      detector.check(ALICE, RoomId.of("room" + i), "hi " + i);
    }
    detector.check(ALICE, RoomId.of("room3"), "again");
    assertSpam(() -> detector.check(ALICE, RoomId.of("room10"), "hi"));
    clock.advance(Duration.ofSeconds(61));
    assertThatCode(() -> detector.check(ALICE, RoomId.of("room10"), "hi"))
        .doesNotThrowAnyException();
  }

  @Test
  void thresholdsComeFromTheRules() {
    SpamDetector strict =
        new SpamDetector(new SpamRules(1, 0, 1, Duration.ofSeconds(5), 10), clock);
    strict.check(ALICE, ROOM, "one");
    assertSpam(() -> strict.check(ALICE, ROOM, "one"));
    assertSpam(() -> strict.check(ALICE, ROOM, "www.x.bd"));
    assertSpam(() -> strict.check(ALICE, RoomId.of("other"), "two"));
    clock.advance(Duration.ofSeconds(6));
    strict.check(ALICE, RoomId.of("other"), "one");
  }

  @Test
  void tracksABoundedNumberOfUsersForgettingTheLeastRecent() {
    SpamDetector small = new SpamDetector(new SpamRules(1, 5, 10, Duration.ofMinutes(1), 2), clock);
    small.check(ALICE, ROOM, "x");
    small.check(BOB, ROOM, "x");
    small.check(ALICE, ROOM, "y");
    small.check(UserId.of("carol"), ROOM, "x");
    assertThat(small.trackedUsers()).isEqualTo(2);
    assertSpam(() -> small.check(ALICE, ROOM, "y")); // alice was used recently: still tracked
    small.check(BOB, ROOM, "x"); // bob was forgotten: his repeat is new again
  }

  @Test
  void keepsABoundedHistoryPerUser() {
    SpamDetector lax = new SpamDetector(new SpamRules(1, 5, 1, Duration.ofHours(1), 10), clock);
    lax.check(ALICE, ROOM, "first");
    for (int i = 0; i < SpamDetector.MAX_ENTRIES_PER_USER; i++) {
      lax.check(ALICE, ROOM, "m" + i);
    }
    assertThatCode(() -> lax.check(ALICE, ROOM, "first")).doesNotThrowAnyException();
  }

  @Test
  void fingerprintsDiffer() {
    assertThat(SpamDetector.fingerprint("a")).isNotEqualTo(SpamDetector.fingerprint("b"));
    assertThat(SpamDetector.fingerprint("ab")).isNotEqualTo(SpamDetector.fingerprint("ba"));
  }

  @Test
  void rulesAreValidated() {
    assertThatThrownBy(() -> new SpamRules(0, 5, 10, Duration.ofSeconds(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SpamRules(1, -1, 10, Duration.ofSeconds(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SpamRules(1, 5, 0, Duration.ofSeconds(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SpamRules(1, 5, 10, Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SpamRules(1, 5, 10, Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new SpamRules(1, 0, 1, Duration.ofMillis(1), 1).maxLinks()).isZero();
  }

  @Test
  void staysConsistentUnderConcurrentUse() throws Exception {
    SpamDetector shared =
        new SpamDetector(new SpamRules(3, 5, 10, Duration.ofMinutes(1), 50), clock);
    int threads = 4;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int refused = 0;
                  for (int i = 0; i < 500; i++) {
                    try {
                      shared.check(UserId.of("u" + (i % 40)), ROOM, "same text");
                    } catch (RealtimeException e) {
                      refused++;
                    }
                  }
                  return refused;
                }));
      }
      start.countDown();
      int refused = 0;
      for (java.util.concurrent.Future<Integer> r : results) {
        refused += r.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
      assertThat(shared.trackedUsers()).isEqualTo(40);
      assertThat(refused).isEqualTo(threads * 500 - 40 * 3); // exactly three pass per user
    } finally {
      pool.shutdownNow();
    }
  }
}
