package bd.com.getit.realtime.adapter.kafka;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.port.out.OutboundEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbound events to Kafka, best effort: {@link #publish} only puts the event in a
 * bounded buffer (dropping and counting it when full), and a thread of its own ({@code
 * realtime-kafka-outbound}) sends it as its PROTOCOL section 5 envelope, keyed by channel so that a
 * channel's events keep their order. Thread-safe.
 */
public final class KafkaOutboundEvents implements OutboundEvents, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaOutboundEvents.class);

  private final KafkaOutboundOptions options;
  private final Producer<byte[], byte[]> producer;
  private final BlockingQueue<Event> buffer;
  private final Thread sender;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean closing;

  /** The Kafka producer, for reading its client metrics ({@code metrics()}); do not send on it. */
  public Producer<?, ?> clientForMetrics() {
    return producer;
  }

  KafkaOutboundEvents(KafkaOutboundOptions options, Producer<byte[], byte[]> producer) {
    this.options = Objects.requireNonNull(options, "options");
    this.producer = Objects.requireNonNull(producer, "producer");
    this.buffer = new ArrayBlockingQueue<>(options.bufferSize());
    this.sender = new Thread(this::send, "realtime-kafka-outbound");
    sender.setDaemon(true);
    sender.start();
  }

  /** Connects a producer with {@code options} and starts its sender thread. */
  public static KafkaOutboundEvents start(KafkaOutboundOptions options) {
    Properties p = new Properties();
    p.putAll(options.clientProperties());
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "realtime-outbound");
    p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
    return new KafkaOutboundEvents(
        options, new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer()));
  }

  @Override
  public void publish(Event event) {
    if (closing || !options.topics().containsKey(event.name())) {
      return;
    }
    if (!buffer.offer(event) && dropped.incrementAndGet() % 1_000 == 1) {
      LOG.warn("outbound buffer full: {} events dropped so far", dropped.get());
    }
  }

  /** Events dropped because the buffer was full. */
  public long dropped() {
    return dropped.get();
  }

  /** Events the brokers did not take (after the producer's own retries). */
  public long failed() {
    return failed.get();
  }

  private void send() {
    while (!closing || !buffer.isEmpty()) {
      Event event;
      try {
        event = buffer.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (event != null) {
        sendOne(event);
      }
    }
  }

  private void sendOne(Event event) {
    try {
      producer.send(
          new ProducerRecord<>(
              options.topics().get(event.name()),
              utf8(event.channel().toString()),
              utf8(event.envelope().toJson())),
          (metadata, failure) -> {
            if (failure != null) {
              failed.incrementAndGet();
              LOG.warn("outbound event {} not published: {}", event.id(), failure.toString());
            }
          });
    } catch (RuntimeException e) {
      failed.incrementAndGet();
      LOG.warn("outbound event {} not published: {}", event.id(), e.toString());
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Sends what is buffered (for up to 5 s), then closes the producer. Idempotent. */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    try {
      sender.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sender.interrupt();
    producer.close(Duration.ofSeconds(5));
  }
}
