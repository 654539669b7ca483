package bd.com.getit.realtime.core.text;

import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.SpamLimits;
import bd.com.getit.realtime.domain.chat.SpamSample;
import bd.com.getit.realtime.domain.chat.SpamVerdict;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.SpamLedger;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots spam in chat messages by three rules of {@link SpamRules}: too many links in one message
 * (judged here, from the text alone), the same text repeated too often and too many rooms written
 * to in a short time (judged by the {@link SpamLedger}, which every node of a cluster shares, so a
 * user spamming through two nodes is caught as through one). Texts are compared normalised and only
 * as fingerprints. Thread-safe; never blocks.
 */
public final class SpamDetector {

  private static final Pattern LINK =
      Pattern.compile("(?i)\\b(?:https?://|ftp://|www\\.)[^\\s<>\"]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final SpamRules rules;
  private final SpamLimits limits;
  private final SpamLedger ledger;
  private final Clock clock;

  public SpamDetector(SpamRules rules, SpamLedger ledger, Clock clock) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = rules.limits();
  }

  /**
   * Checks one message of {@code user} to {@code room}; the ledger remembers it when it passes.
   *
   * @param text the sanitised text
   * @return a stage that fails with {@code SPAM_DETECTED} when a rule is broken
   */
  public CompletionStage<Void> check(UserId user, RoomId room, String text) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(text, "text");
    if (links(text) > rules.maxLinks()) {
      return CompletableFuture.failedFuture(
          new RealtimeException(ErrorCode.SPAM_DETECTED, "too many links in one message"));
    }
    SpamSample sample = new SpamSample(user, room, normalisedFingerprint(text), clock.now());
    CompletionStage<SpamVerdict> judged = ledger.judge(sample, limits);
    if (Stages.succeeded(judged) && Stages.valueOf(judged) == SpamVerdict.PASSED) {
      return Stages.done(); // the usual case: no stage of its own
    }
    return Stages.thenApply(
        judged,
        verdict ->
            switch (verdict) {
              case PASSED -> null;
              case REPEATED ->
                  throw new RealtimeException(
                      ErrorCode.SPAM_DETECTED, "the same message too many times");
              case TOO_MANY_ROOMS ->
                  throw new RealtimeException(
                      ErrorCode.SPAM_DETECTED, "messages to too many rooms");
            });
  }

  static int links(String text) {
    if (!mayHoldLink(text)) {
      return 0;
    }
    Matcher m = LINK.matcher(text);
    int count = 0;
    while (m.find()) {
      count++;
    }
    return count;
  }

  /**
   * Whether {@code text} could hold a {@link #LINK}: every match contains "://" or "www." (any
   * case), so a text with neither has none and skips the regular expression.
   */
  static boolean mayHoldLink(String text) {
    if (text.indexOf("://") >= 0) {
      return true;
    }
    for (int i = text.indexOf('.', 3); i >= 0; i = text.indexOf('.', i + 1)) {
      if (text.regionMatches(true, i - 3, "www", 0, 3)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code fingerprint(normalise(text))}. A text of printable ASCII and ASCII spaces, the common
   * case, is hashed as it is read (NFKC leaves it unchanged), without the copies and the regular
   * expression; anything else goes the long way.
   */
  static long normalisedFingerprint(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c > 0x7e || (c < 0x20 && !isAsciiSpace(c))) {
        return fingerprint(normalise(text));
      }
    }
    long hash = 0xcbf29ce484222325L;
    boolean pendingSpace = false;
    boolean started = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (isAsciiSpace(c)) {
        pendingSpace = started; // a run of spaces becomes one, none at the start
        continue;
      }
      if (pendingSpace) {
        hash ^= ' ';
        hash *= 0x100000001b3L;
        pendingSpace = false;
      }
      started = true;
      hash ^= (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
      hash *= 0x100000001b3L;
    }
    return hash; // trailing spaces never hashed, as strip() drops them
  }

  /** The characters of {@code \\s}: space, tab, line feed, vertical tab, form feed, return. */
  private static boolean isAsciiSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** Case, width and spacing do not make a text new. */
  static String normalise(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return SPACES.matcher(folded).replaceAll(" ").strip();
  }

  /** A 64-bit FNV-1a hash: the text itself is not kept, so memory does not grow with it. */
  static long fingerprint(String text) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash ^= text.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
