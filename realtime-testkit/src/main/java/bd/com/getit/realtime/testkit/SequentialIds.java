package bd.com.getit.realtime.testkit;

import bd.com.getit.realtime.port.out.IdGenerator;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/** Predictable ids {@code <prefix>-1}, {@code <prefix>-2}, ... for tests. Thread-safe. */
public final class SequentialIds implements IdGenerator {
  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  public SequentialIds() {
    this("id");
  }

  public SequentialIds(String prefix) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    if (!prefix.matches("[A-Za-z0-9_-]{1,40}")) {
      throw new IllegalArgumentException("prefix is 1 to 40 URL-safe characters: " + prefix);
    }
  }

  @Override
  public String next() {
    return prefix + "-" + counter.incrementAndGet();
  }

  /** How many ids were handed out so far. */
  public long issued() {
    return counter.get();
  }
}
