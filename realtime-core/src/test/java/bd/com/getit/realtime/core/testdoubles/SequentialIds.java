package bd.com.getit.realtime.core.testdoubles;

import bd.com.getit.realtime.port.out.IdGenerator;
import java.util.concurrent.atomic.AtomicInteger;

/** Ids id-1, id-2, ... in order. */
public final class SequentialIds implements IdGenerator {

  private final AtomicInteger next = new AtomicInteger();

  @Override
  public String next() {
    return "id-" + next.incrementAndGet();
  }
}
