package bd.com.getit.realtime.core.testdoubles;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads completed stages in tests. */
public final class Stages {

  private Stages() {}

  /** The stage's value; fails the test when it failed or is not complete. */
  public static <T> T value(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("stage failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  /** The failure of a stage that must have failed with a RealtimeException. */
  public static RealtimeException failure(CompletionStage<?> stage) {
    try {
      Object v = stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + v);
    } catch (ExecutionException e) {
      assertThat(RealtimeException.of(e.getCause())).isSameAs(unwrap(e.getCause()));
      return RealtimeException.of(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  public static ErrorCode code(CompletionStage<?> stage) {
    return failure(stage).code();
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while (c != null && !(c instanceof RealtimeException)) {
      c = c.getCause();
    }
    if (c == null) {
      throw new AssertionError("not a RealtimeException", t);
    }
    return c;
  }
}
