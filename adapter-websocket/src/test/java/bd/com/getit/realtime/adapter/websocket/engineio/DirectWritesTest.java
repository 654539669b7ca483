package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which thread may write directly, and that a fanning thread's mode is never another's. */
class DirectWritesTest {
  private final ExecutorService marked = Executors.newSingleThreadExecutor();
  private final ExecutorService other = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    marked.shutdownNow();
    other.shutdownNow();
  }

  private static <T> T on(ExecutorService thread, Callable<T> call) throws Exception {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return call.call();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            thread)
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void aMarkedThreadWritesDirectlyExceptInsideALargeFanout() throws Exception {
    assertThat(on(marked, DirectWrites::allowed)).isFalse();
    on(
        marked,
        () -> {
          DirectWrites.allowOnCurrentThread();
          return null;
        });
    assertThat(on(marked, DirectWrites::allowed)).isTrue();
    assertThat(on(marked, () -> DirectWrites.deferred(() -> DirectWrites.allowed() ? 1 : 0)))
        .isZero();
    assertThat(on(marked, DirectWrites::allowed)).isTrue();
  }

  @Test
  void theLastFanningThreadsModeIsNotAnotherThreads() throws Exception {
    on(
        marked,
        () -> {
          DirectWrites.allowOnCurrentThread();
          return DirectWrites.deferred(() -> 0); // now the last fanning thread
        });

    assertThat(on(other, DirectWrites::allowed)).isFalse();
    assertThat(on(marked, DirectWrites::allowed)).isTrue();
    // a fanout on the other thread does not collect into the marked thread's list
    assertThat(on(other, () -> DirectWrites.deferred(() -> DirectWrites.allowed() ? 1 : 0)))
        .isZero();
    assertThat(on(marked, DirectWrites::allowed)).isTrue();
    assertThat(on(other, DirectWrites::allowed)).isFalse();
  }
}
