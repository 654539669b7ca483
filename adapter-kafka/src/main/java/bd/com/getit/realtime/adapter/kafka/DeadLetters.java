package bd.com.getit.realtime.adapter.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends a malformed record to the dead-letter topic: its key, value and headers as they came, plus
 * headers naming the reason and where it came from. A value too large for the producer is sent
 * without it (the headers still point at the original). Thread-safe, as its producer.
 */
final class DeadLetters implements AutoCloseable {
  static final String REASON = "dlq.reason";
  static final String DETAIL = "dlq.detail";
  static final String TOPIC = "dlq.topic";
  static final String PARTITION = "dlq.partition";
  static final String OFFSET = "dlq.offset";
  private static final int MAX_DETAIL = 1_000;

  private final Producer<byte[], byte[]> producer;
  private final String topic;

  DeadLetters(Producer<byte[], byte[]> producer, String topic) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(topic, "topic");
  }

  /** Completes once the broker has the dead letter; fails when it could not be written. */
  CompletionStage<Void> send(ConsumerRecord<byte[], byte[]> record, String reason, String detail) {
    return write(record, reason, detail, record.value())
        .exceptionallyCompose(
            failure ->
                unwrap(failure) instanceof RecordTooLargeException
                    ? write(record, reason, detail, null)
                    : CompletableFuture.failedFuture(failure));
  }

  private CompletableFuture<Void> write(
      ConsumerRecord<byte[], byte[]> record, String reason, String detail, byte[] value) {
    Headers headers = new RecordHeaders();
    for (Header h : record.headers()) {
      headers.add(h);
    }
    headers.add(REASON, utf8(reason));
    headers.add(DETAIL, utf8(shorten(detail)));
    headers.add(TOPIC, utf8(record.topic()));
    headers.add(PARTITION, utf8(Integer.toString(record.partition())));
    headers.add(OFFSET, utf8(Long.toString(record.offset())));
    CompletableFuture<Void> sent = new CompletableFuture<>();
    try {
      producer.send(
          new ProducerRecord<>(topic, null, null, record.key(), value, headers),
          (metadata, failure) -> {
            if (failure != null) {
              sent.completeExceptionally(failure);
            } else {
              sent.complete(null);
            }
          });
    } catch (RuntimeException e) {
      sent.completeExceptionally(e);
    }
    return sent;
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof java.util.concurrent.CompletionException && t.getCause() != null
        ? t.getCause()
        : t;
  }

  private static String shorten(String detail) {
    String d = detail == null ? "" : detail;
    return d.length() <= MAX_DETAIL ? d : d.substring(0, MAX_DETAIL);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
