package bd.com.getit.realtime.core.text;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.SpamLimits;
import bd.com.getit.realtime.domain.chat.SpamSample;
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
    SpamSample sample = new SpamSample(user, room, fingerprint(normalise(text)), clock.now());
    return ledger
        .judge(sample, limits)
        .thenApply(
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
    Matcher m = LINK.matcher(text);
    int count = 0;
    while (m.find()) {
      count++;
    }
    return count;
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
