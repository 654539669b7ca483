package bd.com.getit.realtime.core.text;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.out.Clock;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots spam in chat messages by three rules of {@link SpamRules}: the same text repeated too
 * often, too many links in one message, too many rooms written to in a short time. Only messages
 * that pass are remembered. Memory is bounded: at most {@code maxUsers} users, each with at most a
 * window's worth of entries. Node-local, thread-safe.
 */
public final class SpamDetector {

  private static final Pattern LINK =
      Pattern.compile("(?i)\\b(?:https?://|ftp://|www\\.)[^\\s<>\"]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Entries kept per user: twice the default send limit per minute; texts kept as hashes. */
  static final int MAX_ENTRIES_PER_USER = 64;

  private final SpamRules rules;
  private final Clock clock;
  private final Map<UserId, History> users;

  public SpamDetector(SpamRules rules, Clock clock) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.users =
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<UserId, History> eldest) {
            return size() > rules.maxUsers();
          }
        };
  }

  /**
   * Checks one message of {@code user} to {@code room} and remembers it when it passes.
   *
   * @param text the sanitised text
   * @throws RealtimeException {@code SPAM_DETECTED} when a rule is broken
   */
  public void check(UserId user, RoomId room, String text) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(text, "text");
    if (links(text) > rules.maxLinks()) {
      throw new RealtimeException(ErrorCode.SPAM_DETECTED, "too many links in one message");
    }
    long key = fingerprint(normalise(text));
    Instant now = clock.now();
    Instant since = now.minus(rules.window());
    synchronized (users) {
      History history = users.computeIfAbsent(user, u -> new History());
      history.forgetBefore(since);
      if (history.repeats(key) >= rules.maxRepeats()) {
        throw new RealtimeException(ErrorCode.SPAM_DETECTED, "the same message too many times");
      }
      if (!history.wroteTo(room) && history.distinctRooms() >= rules.maxRooms()) {
        throw new RealtimeException(ErrorCode.SPAM_DETECTED, "messages to too many rooms");
      }
      history.remember(key, room, now);
    }
  }

  /** How many users are tracked now (for tests and metrics). */
  public int trackedUsers() {
    synchronized (users) {
      return users.size();
    }
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

  /** One remembered message: the fingerprint of its text, its room and its time. */
  private record Entry(long text, RoomId room, Instant at) {}

  /** One user's recent messages, oldest first. Guarded by the detector's lock. */
  private static final class History {
    private final Deque<Entry> entries = new ArrayDeque<>();

    void forgetBefore(Instant since) {
      while (!entries.isEmpty() && entries.peekFirst().at().isBefore(since)) {
        entries.removeFirst();
      }
    }

    long repeats(long text) {
      return entries.stream().filter(e -> e.text() == text).count();
    }

    boolean wroteTo(RoomId room) {
      return entries.stream().anyMatch(e -> e.room().equals(room));
    }

    long distinctRooms() {
      return entries.stream().map(Entry::room).distinct().count();
    }

    void remember(long text, RoomId room, Instant at) {
      if (entries.size() >= MAX_ENTRIES_PER_USER) {
        entries.removeFirst();
      }
      entries.addLast(new Entry(text, room, at));
    }
  }
}
