package bd.com.getit.realtime.core;

import static bd.com.getit.realtime.core.testing.Fixtures.code;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StagesTest {

  @Test
  void guardTurnsThrowsIntoFailedStages() {
    assertThat(
            code(
                Stages.guard(
                    () -> {
                      throw new RealtimeException(ErrorCode.CONFLICT, "x");
                    })))
        .isEqualTo(ErrorCode.CONFLICT);
    assertThat(code(Stages.guard(() -> null))).isEqualTo(ErrorCode.INTERNAL);
    assertThat(done(Stages.guard(() -> Stages.completed("v")))).isEqualTo("v");
  }

  @Test
  void failedCarriesCodeAndDetail() {
    RealtimeException e =
        bd.com.getit.realtime.core.testing.Fixtures.failure(
            Stages.failed(ErrorCode.NOT_FOUND, "d"));
    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(e.getMessage()).isEqualTo("d");
    assertThat(done(Stages.done())).isNull();
  }

  /** The starting stages both paths are tried with. */
  private static List<CompletionStage<String>> sources() {
    List<CompletionStage<String>> all = new ArrayList<>();
    all.add(CompletableFuture.completedFuture("v")); // the fast path
    all.add(CompletableFuture.completedFuture("v").minimalCompletionStage()); // ordinary path
    all.add(CompletableFuture.completedFuture("v").thenApplyAsync(Function.identity()));
    return all;
  }

  @Test
  void thenComposeOnACompletedStageEndsAsTheStagesOwnThenCompose() {
    RealtimeException refused = new RealtimeException(ErrorCode.CONFLICT, "x");
    List<Function<String, CompletionStage<String>>> nexts =
        List.of(
            v -> Stages.completed(v + "!"),
            v -> CompletableFuture.failedFuture(refused),
            v -> {
              throw refused;
            });
    for (CompletionStage<String> source : sources()) {
      for (Function<String, CompletionStage<String>> next : nexts) {
        Object fast =
            Stages.thenCompose(source, next)
                .toCompletableFuture()
                .handle((v, e) -> v != null ? v : e)
                .join();
        Object slow =
            source
                .thenCompose(next)
                .toCompletableFuture()
                .handle((v, e) -> v != null ? v : e)
                .join();
        assertThat(describe(fast)).isEqualTo(describe(slow));
      }
    }
  }

  @Test
  void thenApplyOnACompletedStageEndsAsTheStagesOwnThenApply() {
    RealtimeException refused = new RealtimeException(ErrorCode.CONFLICT, "x");
    List<Function<String, String>> nexts =
        List.of(
            v -> v + "!",
            v -> {
              throw refused;
            });
    for (CompletionStage<String> source : sources()) {
      for (Function<String, String> next : nexts) {
        Object fast =
            Stages.thenApply(source, next)
                .toCompletableFuture()
                .handle((v, e) -> v != null ? v : e)
                .join();
        Object slow =
            source.thenApply(next).toCompletableFuture().handle((v, e) -> v != null ? v : e).join();
        assertThat(describe(fast)).isEqualTo(describe(slow));
      }
    }
  }

  @Test
  void aFailedSourceFailsTheComposition() {
    CompletionStage<String> failed = Stages.failed(ErrorCode.NOT_FOUND, "gone");
    assertThat(code(Stages.thenCompose(failed, v -> Stages.completed("never"))))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(code(Stages.thenApply(failed, v -> "never"))).isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void aPendingSourceIsComposedWhenItCompletes() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletionStage<String> composed = Stages.thenCompose(pending, v -> Stages.completed(v + "!"));
    CompletionStage<Integer> applied = Stages.thenApply(pending, String::length);
    assertThat(composed.toCompletableFuture().isDone()).isFalse();

    pending.complete("late");

    assertThat(done(composed)).isEqualTo("late!");
    assertThat(done(applied)).isEqualTo(4);
  }

  @Test
  void succeededKnowsOnlyStagesThatCompletedNormally() {
    assertThat(Stages.succeeded(Stages.done())).isTrue();
    assertThat(Stages.succeeded(CompletableFuture.completedFuture(1))).isTrue();
    assertThat(Stages.succeeded(Stages.failed(ErrorCode.CONFLICT, "x"))).isFalse();
    assertThat(Stages.succeeded(new CompletableFuture<>())).isFalse();
    assertThat(Stages.succeeded(CompletableFuture.completedFuture(1).minimalCompletionStage()))
        .isFalse();
    assertThat(Stages.succeeded(Stages.thenCompose(Stages.done(), v -> Stages.done()))).isTrue();
  }

  /** A value as itself; a failure as its class and its cause's class and message. */
  private static String describe(Object outcome) {
    if (outcome instanceof Throwable t) {
      Throwable cause = t.getCause();
      return t.getClass().getName()
          + " <- "
          + (cause == null ? "none" : cause.getClass().getName() + ": " + cause.getMessage());
    }
    return String.valueOf(outcome);
  }
}
