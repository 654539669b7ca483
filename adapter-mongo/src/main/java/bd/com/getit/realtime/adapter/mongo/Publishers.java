package bd.com.getit.realtime.adapter.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Turns the driver's publishers into {@link CompletionStage}s without blocking: the stage completes
 * on the driver's thread that signals the end. Every publisher the adapter reads is bounded by its
 * query ({@code limit}), so collecting it whole is safe.
 */
final class Publishers {
  private Publishers() {}

  /** The first item, if any; the rest of the stream is cancelled. */
  static <T> CompletionStage<Optional<T>> first(Publisher<T> publisher) {
    CompletableFuture<Optional<T>> result = new CompletableFuture<>();
    publisher.subscribe(
        new Subscriber<T>() {
          private Subscription subscription;

          @Override
          public void onSubscribe(Subscription s) {
            subscription = s;
            s.request(1);
          }

          @Override
          public void onNext(T item) {
            if (result.complete(Optional.of(item))) {
              subscription.cancel();
            }
          }

          @Override
          public void onError(Throwable t) {
            result.completeExceptionally(t);
          }

          @Override
          public void onComplete() {
            result.complete(Optional.empty());
          }
        });
    return result;
  }

  /** Every item, in order. */
  static <T> CompletionStage<List<T>> all(Publisher<T> publisher) {
    CompletableFuture<List<T>> result = new CompletableFuture<>();
    publisher.subscribe(
        new Subscriber<T>() {
          // Signals of one subscription are serial (Reactive Streams rule 1.3): no lock needed.
          private final List<T> items = new ArrayList<>();

          @Override
          public void onSubscribe(Subscription s) {
            s.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(T item) {
            items.add(item);
          }

          @Override
          public void onError(Throwable t) {
            result.completeExceptionally(t);
          }

          @Override
          public void onComplete() {
            result.complete(List.copyOf(items));
          }
        });
    return result;
  }
}
