package bd.com.getit.realtime.testkit;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits, in tests only, for a port's {@link CompletionStage} to complete. */
public final class Stages {
  /** How long a test waits for one stage before it fails. */
  public static final long TIMEOUT_SECONDS = 5;

  private Stages() {}

  /**
   * The stage's value, waiting at most {@link #TIMEOUT_SECONDS}; an exceptional completion is
   * rethrown as its cause when unchecked, so {@code assertThatThrownBy} sees the real failure.
   */
  public static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    } catch (TimeoutException e) {
      throw new AssertionError("stage did not complete within " + TIMEOUT_SECONDS + " s", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError("stage failed", e.getCause());
    }
  }
}
