package bd.com.getit.realtime.adapter.memory;

import java.util.concurrent.atomic.AtomicLong;

/** Says when a store should sweep out its expired entries: once every {@code every} calls. */
final class Sweeper {
  private final long every;
  private final AtomicLong calls = new AtomicLong();

  Sweeper(long every) {
    if (every < 1) {
      throw new IllegalArgumentException("every >= 1");
    }
    this.every = every;
  }

  /** Counts one call; true on every {@code every}-th. */
  boolean due() {
    return calls.incrementAndGet() % every == 0;
  }
}
