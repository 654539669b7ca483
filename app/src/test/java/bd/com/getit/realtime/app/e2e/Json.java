package bd.com.getit.realtime.app.e2e;

import java.util.concurrent.Callable;

/** Reads with the Java client's org.json, whose exceptions are checked, inside plain methods. */
final class Json {
  private Json() {}

  static <T> T read(Callable<T> read) {
    try {
      return read.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("unexpected JSON: " + e.getMessage(), e);
    }
  }
}
