package bd.com.getit.realtime.app.security;

import bd.com.getit.realtime.domain.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Principals of tokens verified lately, by the whole token text (signature included, so only a
 * token that passed verification is ever found). A service publishing over REST sends the same
 * token with every request, and checking its signature and claims again each time was the largest
 * single cost of a REST publish. An entry lives until the token expires or for {@code maxAge},
 * whichever comes first, and only under the key set it was verified with: a key withdrawn from a
 * JWKS stops accepting its tokens as soon as the new key set is fetched. Bounded: when {@code
 * capacity} entries are held the cache starts over (cheap, and a flood of distinct tokens gains
 * nothing from it anyway). Thread-safe.
 */
final class VerifiedTokens {
  private record Entry(Principal principal, long until, long keys) {}

  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final int capacity;
  private final long maxAgeMillis;
  private final LongSupplier nowMillis;

  VerifiedTokens(int capacity, Duration maxAge, LongSupplier nowMillis) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity >= 1");
    }
    this.capacity = capacity;
    this.maxAgeMillis = maxAge.toMillis();
    this.nowMillis = Objects.requireNonNull(nowMillis, "nowMillis");
  }

  /**
   * The principal of {@code token} when it was verified lately, with the same key set ({@code
   * keys}: the key set's generation), and has not expired since.
   */
  Optional<Principal> find(String token, long keys) {
    Entry entry = entries.get(token);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.keys() != keys || nowMillis.getAsLong() >= entry.until()) {
      entries.remove(token, entry);
      return Optional.empty();
    }
    return Optional.of(entry.principal());
  }

  /**
   * Remembers a token just verified with the key set of generation {@code keys}; {@code expires} is
   * its {@code exp}, if it has one.
   */
  void remember(String token, Principal principal, Optional<Instant> expires, long keys) {
    long now = nowMillis.getAsLong();
    long until = now + maxAgeMillis;
    if (expires.isPresent()) {
      until = Math.min(until, expires.get().toEpochMilli());
    }
    if (until <= now) {
      return;
    }
    if (entries.size() >= capacity) {
      entries.clear();
    }
    entries.put(token, new Entry(principal, until, keys));
  }

  int size() {
    return entries.size();
  }
}
