package bd.com.getit.realtime.core.testing;

import bd.com.getit.realtime.port.out.IdGenerator;
import java.util.concurrent.atomic.AtomicInteger;

/** Ids {@code id-1}, {@code id-2}, ... */
public final class SequenceIds implements IdGenerator {
  private final AtomicInteger n = new AtomicInteger();

  @Override
  public String next() {
    return "id-" + n.incrementAndGet();
  }
}
