package bd.com.getit.realtime.app;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the server opened, closed in reverse order of opening; a failed close does not stop it. */
final class Closeables {
  private static final Logger LOG = LoggerFactory.getLogger(Closeables.class);

  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  /** Remembers {@code resource} and returns it. */
  <T extends AutoCloseable> T push(T resource) {
    opened.push(resource);
    return resource;
  }

  void closeAll() {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        LOG.warn("closing failed", e);
      }
    }
  }
}
