package bd.com.getit.realtime.core;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/** Small helpers for the core's non-blocking style: failures travel in stages, never as throws. */
public final class Stages {
  /** Never handed out: the start of a relay. */
  private static final CompletableFuture<Void> COMPLETED = CompletableFuture.completedFuture(null);

  /**
   * One shared instance: a minimal stage cannot be completed, obtruded or cancelled by a caller, so
   * sharing it is safe, and {@link #thenCompose} recognises it without asking it anything.
   */
  private static final CompletionStage<Void> DONE =
      CompletableFuture.<Void>completedFuture(null).minimalCompletionStage();

  private Stages() {}

  /** An already completed stage with no value. */
  public static CompletionStage<Void> done() {
    return DONE;
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

  /**
   * {@code stage.thenCompose(next)}, run at once on the calling thread when {@code stage} has
   * already completed normally (the in-memory stores answer that way): no dependent stage, no
   * completion machinery. The result completes as {@code thenCompose}'s would: a throw from {@code
   * next} fails it wrapped in a {@link CompletionException}; a stage of {@code next} that completed
   * normally is the result itself.
   */
  public static <T, U> CompletionStage<U> thenCompose(
      CompletionStage<T> stage, Function<? super T, ? extends CompletionStage<U>> next) {
    if (!succeeded(stage)) {
      return stage.thenCompose(next);
    }
    try {
      CompletionStage<U> result = next.apply(valueOf(stage));
      if (result == null) {
        throw new NullPointerException("a stage function returned no stage");
      }
      // A result still running or failed is relayed as thenCompose relays it (a failure then
      // arrives wrapped in a CompletionException, as it would have).
      return succeeded(result) ? result : COMPLETED.thenCompose(v -> result);
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedFuture(wrapped(e));
    }
  }

  /**
   * {@code stage.thenApply(next)}, run at once on the calling thread when {@code stage} has already
   * completed normally; a throw from {@code next} fails the result as {@code thenApply}'s would.
   */
  public static <T, U> CompletionStage<U> thenApply(
      CompletionStage<T> stage, Function<? super T, ? extends U> next) {
    if (!succeeded(stage)) {
      return stage.thenApply(next);
    }
    try {
      return CompletableFuture.completedFuture(next.apply(valueOf(stage)));
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedFuture(wrapped(e));
    }
  }

  /**
   * Whether {@code stage} is known to have completed normally: {@link #done()}, or a plain {@link
   * CompletableFuture} that is done and not failed. Anything else (a stage still running, a failed
   * one, another implementation) answers false and takes the ordinary path.
   */
  public static boolean succeeded(CompletionStage<?> stage) {
    if (stage == DONE) {
      return true;
    }
    // The exact class: a minimal stage (a subclass) refuses isDone().
    return stage != null
        && stage.getClass() == CompletableFuture.class
        && ((CompletableFuture<?>) stage).isDone()
        && !((CompletableFuture<?>) stage).isCompletedExceptionally();
  }

  /** The value of a stage {@link #succeeded} has answered true for. */
  @SuppressWarnings("unchecked")
  public static <T> T valueOf(CompletionStage<T> stage) {
    return stage == DONE ? null : ((CompletableFuture<T>) stage).join();
  }

  private static Throwable wrapped(Throwable e) {
    return e instanceof CompletionException ? e : new CompletionException(e);
  }
}
