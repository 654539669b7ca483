package bd.com.getit.realtime.adapter.memory;

import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.SpamLimits;
import bd.com.getit.realtime.domain.chat.SpamSample;
import bd.com.getit.realtime.domain.chat.SpamVerdict;
import bd.com.getit.realtime.port.out.SpamLedger;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Each user's recent messages in this process: fingerprints, rooms and times, never texts. Bounded:
 * at most {@code maxUsers} users (the least recently active is forgotten first) and {@link
 * #MAX_ENTRIES_PER_USER} messages each (the oldest is forgotten first: with the default send limit
 * of 30 a minute a window never holds that many). Thread-safe: one lock, held for a judgement.
 */
public final class InMemorySpamLedger implements SpamLedger {

  /** Users tracked by default, the least recently active forgotten first. */
  public static final int DEFAULT_MAX_USERS = 100_000;

  /** Messages kept per user. */
  static final int MAX_ENTRIES_PER_USER = 1_024;

  private final Map<UserId, Deque<Entry>> users;

  public InMemorySpamLedger() {
    this(DEFAULT_MAX_USERS);
  }

  public InMemorySpamLedger(int maxUsers) {
    if (maxUsers < 1) {
      throw new IllegalArgumentException("maxUsers >= 1");
    }
    this.users =
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<UserId, Deque<Entry>> eldest) {
            return size() > maxUsers;
          }
        };
  }

  @Override
  public CompletionStage<SpamVerdict> judge(SpamSample sample, SpamLimits limits) {
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(limits, "limits");
    Instant since = sample.at().minus(limits.window());
    synchronized (users) {
      Deque<Entry> entries = users.computeIfAbsent(sample.sender(), u -> new ArrayDeque<>());
      // Plain loops, not streams: this runs for every chat message, under the one lock.
      int repeats = 0;
      boolean known = false;
      for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
        Entry e = it.next();
        if (!e.isAfter(since)) {
          it.remove(); // an entry exactly one window old has left the window
          continue;
        }
        if (e.text() == sample.text()) {
          repeats++;
        }
        if (!known) { // one equal room is enough: no further comparison of its id
          known = e.room().equals(sample.room());
        }
      }
      if (repeats >= limits.maxRepeats()) {
        return CompletableFuture.completedFuture(SpamVerdict.REPEATED);
      }
      if (!known && distinctRooms(entries) >= limits.maxRooms()) {
        return CompletableFuture.completedFuture(SpamVerdict.TOO_MANY_ROOMS);
      }
      if (entries.size() >= MAX_ENTRIES_PER_USER) {
        entries.removeFirst();
      }
      entries.addLast(
          new Entry(
              sample.text(), sample.room(), sample.at().getEpochSecond(), sample.at().getNano()));
      return CompletableFuture.completedFuture(SpamVerdict.PASSED);
    }
  }

  private static int distinctRooms(Deque<Entry> entries) {
    Set<RoomId> rooms = new HashSet<>();
    for (Entry e : entries) {
      rooms.add(e.room());
    }
    return rooms.size();
  }

  /** How many users are tracked now. */
  int trackedUsers() {
    synchronized (users) {
      return users.size();
    }
  }

  /**
   * One remembered message. Its time as two numbers rather than an {@code Instant}: an entry lives
   * for the window (a minute), so every young collection of that minute copies what it holds.
   */
  private record Entry(long text, RoomId room, long seconds, int nanos) {
    boolean isAfter(Instant t) {
      return seconds > t.getEpochSecond() || (seconds == t.getEpochSecond() && nanos > t.getNano());
    }
  }
}
