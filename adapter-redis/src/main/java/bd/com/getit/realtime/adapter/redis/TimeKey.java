package bd.com.getit.realtime.adapter.redis;

import java.time.Instant;

/**
 * Sorted-set members that order by time, then by id, as plain byte strings: {@code
 * <seconds><nanos>: <id>} with fixed-width digits, so Redis's lexicographic ranges ({@code
 * ZRANGEBYLEX}) follow time order and equal times fall back to the id, as the ports require. Every
 * member of one sorted set has score 0, which is what lexicographic ranges need.
 */
final class TimeKey {
  /** Characters before the id: 20 digits of seconds, 9 of nanoseconds, and the colon. */
  static final int ID_OFFSET = 30;

  private TimeKey() {}

  /** The time part alone: 29 digits that sort like the instants. */
  static String time(Instant t) {
    // Flipping the sign bit maps signed seconds onto unsigned ones in the same order.
    String seconds = Long.toUnsignedString(t.getEpochSecond() ^ Long.MIN_VALUE);
    String nanos = Integer.toString(t.getNano());
    return "0".repeat(20 - seconds.length()) + seconds + "0".repeat(9 - nanos.length()) + nanos;
  }

  /** The member for {@code id} at time {@code t}. */
  static String member(Instant t, String id) {
    return time(t) + ":" + id;
  }

  /** The id of a member. */
  static String id(String member) {
    return member.substring(ID_OFFSET);
  }

  /** The lexicographic bound "strictly before {@code t}". */
  static String before(Instant t) {
    return "(" + time(t);
  }

  /** The lexicographic bound "at {@code t} or later". */
  static String atOrAfter(Instant t) {
    return "[" + time(t);
  }
}
