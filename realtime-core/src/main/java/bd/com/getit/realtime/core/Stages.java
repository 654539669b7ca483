package bd.com.getit.realtime.core;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Small helpers for the core's non-blocking style: failures travel in stages, never as throws. */
public final class Stages {
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private Stages() {}

  /** An already completed stage with no value. */
  public static CompletionStage<Void> done() {
    return DONE.minimalCompletionStage();
  }

  /** An already completed stage with {@code value}. */
  public static <T> CompletionStage<T> completed(T value) {
    return CompletableFuture.completedFuture(value);
  }

  /** A stage failed with a {@link RealtimeException} of {@code code}. */
  public static <T> CompletionStage<T> failed(ErrorCode code, String detail) {
    return CompletableFuture.failedFuture(new RealtimeException(code, detail));
  }

  /**
   * Runs {@code body}, turning anything it throws synchronously into a failed stage, so that
   * callers only ever see failures through the stage.
   */
  public static <T> CompletionStage<T> guard(Supplier<? extends CompletionStage<T>> body) {
    try {
      CompletionStage<T> stage = body.get();
      if (stage == null) {
        return CompletableFuture.failedFuture(
            new RealtimeException(ErrorCode.INTERNAL, "a port returned no stage"));
      }
      return stage;
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
