package bd.com.getit.realtime.adapter.kafka;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the core's ingest: keeps every envelope it accepted, refuses an envelope carrying
 * {@code "reject": "<ERROR_CODE>"} with that code, and fails transiently while told to.
 */
final class RecordingIngest implements EventIngestUseCase {
  final List<JsonValue.JsonObject> accepted = new CopyOnWriteArrayList<>();
  final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile boolean down;

  /** The next {@code n} calls fail as if a store were unreachable. */
  void failNext(int n) {
    failuresLeft.set(n);
  }

  /** Every call fails as if a store were unreachable, until {@code down(false)}. */
  void down(boolean down) {
    this.down = down;
  }

  /** The {@code n} field of every accepted envelope, in order. */
  List<Long> numbers() {
    return accepted.stream().map(e -> Long.parseLong(e.text("n").orElse("-1"))).toList();
  }

  @Override
  public CompletionStage<Ingested> ingest(IngestCommand command) {
    calls.incrementAndGet();
    if (down || failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return CompletableFuture.failedFuture(new IllegalStateException("store down"));
    }
    JsonValue.JsonObject envelope = command.envelope();
    if (envelope.text("reject").isPresent()) {
      ErrorCode code = ErrorCode.valueOf(envelope.text("reject").get());
      return CompletableFuture.failedFuture(new RealtimeException(code, "refused: " + code));
    }
    accepted.add(envelope);
    return CompletableFuture.completedFuture(
        new Ingested(EventId.of("e" + accepted.size()), false));
  }
}
